/**
 * kubectl resource names, short names and plurals → one lowercase singular kind name
 * (`so` → `scaledobject`, `btp` → `backendtrafficpolicy`, `httproutes.gateway.networking.k8s.io` → `httproute`).
 */

const CANONICAL: Record<string, readonly string[]> = {
  scaledobject: ['so', 'scaledobjects'],
  scaledjob: ['sj', 'scaledjobs'],
  triggerauthentication: ['ta', 'triggerauth', 'triggerauthentications'],
  clustertriggerauthentication: ['cta', 'clustertriggerauth', 'clustertriggerauthentications'],
  backendtrafficpolicy: ['btp', 'backendtrafficpolicies'],
  clienttrafficpolicy: ['ctp', 'clienttrafficpolicies'],
  securitypolicy: ['sp', 'securitypolicies'],
  envoyproxy: ['envoyproxies'],
  envoyextensionpolicy: ['eep', 'envoyextensionpolicies'],
  envoypatchpolicy: ['epp', 'envoypatchpolicies'],
  backend: ['be', 'backends'],
  gateway: ['gw', 'gtw', 'gateways'],
  gatewayclass: ['gc', 'gatewayclasses'],
  httproute: ['httproutes'],
  grpcroute: ['grpcroutes'],
  tlsroute: ['tlsroutes'],
  referencegrant: ['refgrant', 'referencegrants'],
  horizontalpodautoscaler: ['hpa', 'horizontalpodautoscalers'],
  deployment: ['deploy', 'deployments'],
  service: ['svc', 'services'],
  pod: ['po', 'pods'],
  namespace: ['ns', 'namespaces'],
  secret: ['secrets'],
  configmap: ['cm', 'configmaps'],
  certificate: ['cert', 'certs', 'certificates'],
  issuer: ['issuers'],
  clusterissuer: ['clusterissuers'],
  endpoints: ['ep'],
  replicaset: ['rs', 'replicasets'],
};

const ALIASES = new Map<string, string>();
for (const [kind, aliases] of Object.entries(CANONICAL)) {
  ALIASES.set(kind, kind);
  for (const a of aliases) ALIASES.set(a, kind);
}

/**
 * Normalises a kubectl resource argument. Unknown kinds are lowercased and returned with their
 * API group removed, never guessed further.
 */
export function normaliseKind(arg: string): string {
  const lower = arg.toLowerCase();
  const base = lower.split('.')[0];
  return ALIASES.get(lower) ?? ALIASES.get(base) ?? base;
}
