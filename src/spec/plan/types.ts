/**
 * TrafficPlan: the normalized, serialisable intermediate form between a TrafficSpec and the manifests.
 * `normalize` owns every default and every generated name; templates only give it shape.
 */
export interface PlanListener {
  name: string;
  protocol: 'HTTP' | 'HTTPS';
  port: number;
  hostname?: string;
  /** HTTPS only: the Secret the listener terminates TLS with. */
  certificateRef?: string;
}

export interface PlanHeaderMatch {
  name: string;
  type: 'Exact' | 'RegularExpression';
  value: string;
}

export interface PlanMatch {
  path: { type: 'PathPrefix' | 'Exact' | 'RegularExpression'; value: string };
  method?: string;
  headers: PlanHeaderMatch[];
  queryParams: PlanHeaderMatch[];
}

export interface PlanBackend {
  name: string;
  port: number;
  weight?: number;
}

export interface PlanRule {
  name?: string;
  matches: PlanMatch[];
  backends: PlanBackend[];
  timeouts?: { request?: string; backendRequest?: string };
}

export interface PlanParentRef {
  name: string;
  sectionName?: string;
}

export interface PlanRoute {
  name: string;
  hostnames: string[];
  parentRefs: PlanParentRef[];
  rules: PlanRule[];
  /** Present on the generated HTTP→HTTPS redirect route. */
  redirect?: { scheme: 'https'; statusCode: 301; port?: number };
}

export interface PlanSelector {
  headers?: { name: string; type: 'Exact' | 'RegularExpression' | 'Distinct'; value?: string; invert?: boolean }[];
  methods?: { value: string }[];
  path?: { type: 'PathPrefix'; value: string };
  sourceCIDR?: { type: 'Exact' | 'Distinct'; value: string };
}

export interface PlanRateLimitRule {
  /** The spec tier this rule implements. */
  tier: string;
  /** Empty: the rule applies to every request (local: the route's default bucket). */
  clientSelectors: PlanSelector[];
  limit: { requests: number; unit: 'Second' | 'Minute' | 'Hour' | 'Day' };
  shared?: boolean;
}

export interface PlanPolicy {
  name: string;
  targetRefs: { group: string; kind: 'HTTPRoute' | 'Gateway'; name: string }[];
  rateLimit?: { scope: 'local' | 'global'; rules: PlanRateLimitRule[] };
  circuitBreaker?: Record<string, number>;
  retry?: {
    numRetries: number;
    retryOn: { triggers: string[]; httpStatusCodes: number[] };
    perRetry?: { timeout?: string; backOff?: { baseInterval: string; maxInterval?: string } };
  };
  timeout?: { tcp?: { connectTimeout: string }; http?: { requestTimeout?: string; connectionIdleTimeout?: string } };
}

export interface PlanTrigger {
  type: string;
  name?: string;
  metricType?: 'Utilization' | 'AverageValue' | 'Value';
  /** KEDA trigger metadata: every value is a string (the CRD's map[string]string). */
  metadata: Record<string, string>;
}

export interface PlanAutoscaling {
  engine: 'keda' | 'hpa';
  name: string;
  target: { apiVersion: 'apps/v1'; kind: 'Deployment' | 'StatefulSet'; name: string };
  minReplicas: number;
  maxReplicas: number;
  pollingInterval?: number;
  cooldownPeriod?: number;
  fallback?: { failureThreshold: number; replicas: number };
  behavior?: Record<string, unknown>;
  triggers: PlanTrigger[];
}

export interface PlanTls {
  mode: 'self-signed' | 'secret' | 'cert-manager';
  secretName: string;
  /** DNS names and IP addresses the certificate must cover. */
  dnsNames: string[];
  ipAddresses: string[];
  validityDays: number;
  /** cert-manager Certificate duration, e.g. 8760h. */
  duration: string;
  issuerRef?: { name: string; kind: string; group: string };
  /** cert-manager: also emit this namespaced self-signed Issuer. */
  selfSignedIssuer?: string;
  certificateName?: string;
}

export interface TrafficPlan {
  app: string;
  namespace: string;
  createNamespace: boolean;
  gateway: { name: string; className: string; listeners: PlanListener[]; envoyReplicas: number };
  /** Scheme → external origin (e.g. http → http://localhost:8080), in listener order. */
  externalUrls: { url: string; listener: string }[];
  tls?: PlanTls;
  routes: PlanRoute[];
  policy?: PlanPolicy;
  autoscaling?: PlanAutoscaling;
}
