/**
 * Symptom → likely causes and the checks that tell them apart, each with the tool that runs it.
 * Offline checks are validation rules (their diagnostic codes are listed so results can be filtered);
 * cluster checks need a reachable cluster. Pure data; the MCP `troubleshoot` tool runs what it can.
 */
import * as z from 'zod';

export const Symptom = z.enum([
  'not-found-404',
  'no-rate-limiting',
  'tls-handshake-fails',
  'keda-not-scaling',
  'unavailable-503-low-load',
  'slow-cold-start',
]);
export type Symptom = z.infer<typeof Symptom>;

export interface Check {
  check: string;
  tool: string;
  /** Runs without a cluster. */
  offline: boolean;
}

export interface Playbook {
  symptom: Symptom;
  title: string;
  causes: string[];
  checks: Check[];
  /** Validation rule codes (prefix match) whose findings explain this symptom. */
  codes: string[];
  /** Words that identify the symptom in a free-text description. */
  words: string[];
}

export const PLAYBOOKS: readonly Playbook[] = [
  {
    symptom: 'not-found-404',
    title: '404 on all requests',
    causes: [
      'HTTPRoute parentRefs name another Gateway or a missing sectionName',
      'Route hostnames do not match the Host header or the listener hostname',
      'No rule matches the path (prefixes are matched per path segment)',
      'Route not Accepted (wrong namespace, allowedRoutes)',
    ],
    checks: [
      { check: 'parentRefs resolve to the Gateway and listener', tool: 'validate_manifests', offline: true },
      { check: 'Which listener/route/rule a request reaches', tool: 'simulate_requests', offline: true },
      { check: 'Gateway Programmed, HTTPRoute Accepted/ResolvedRefs', tool: 'cluster_status', offline: false },
    ],
    codes: ['ref/parent-gateway', 'ref/listener-conflict', 'ref/gateway-class', 'ref/backend-service'],
    words: ['404', 'not found', 'no route'],
  },
  {
    symptom: 'no-rate-limiting',
    title: 'No rate limiting (never 429)',
    causes: [
      'BackendTrafficPolicy targetRefs name a route that does not exist',
      'Header match value "*" is literal (use Distinct or RegularExpression)',
      'Local limits are per Envoy replica and per route',
      'Policy not Accepted, or overridden by another policy',
    ],
    checks: [
      { check: 'targetRefs resolve; selectors match the requests', tool: 'validate_manifests', offline: true },
      { check: 'BackendTrafficPolicy Accepted', tool: 'cluster_status', offline: false },
      { check: 'Burst until 429 on every listener', tool: 'validate_criteria', offline: false },
    ],
    codes: [
      'ref/policy-target',
      'ref/policy-conflict',
      'lint/exact-star-header',
      'lint/inverted-exact-star',
      'lint/per-user-shared-bucket',
      'lint/local-limit-replicas',
      'lint/rate-limit-rule-never-matches',
      'lint/bucket-per-route',
      'lint/duplicate-rate-limit-selector',
      'lint/multiple-default-local-rules',
    ],
    words: ['rate', 'limit', '429', 'throttl', 'quota'],
  },
  {
    symptom: 'tls-handshake-fails',
    title: 'TLS handshake fails',
    causes: [
      'Secret missing, in another namespace, or not type kubernetes.io/tls',
      'Certificate expired or not covering the host name',
      'Listener hostname does not match SNI',
      'cert-manager Certificate not Ready',
    ],
    checks: [
      {
        check: 'Listener certificateRefs resolve to a valid, unexpired certificate',
        tool: 'validate_manifests',
        offline: true,
      },
      { check: 'Gateway listener ResolvedRefs; Certificate Ready', tool: 'cluster_status', offline: false },
      { check: 'Handshake and certificate names served', tool: 'validate_criteria', offline: false },
    ],
    codes: ['ref/listener-certificate', 'lint/https-listener-without-hostname'],
    words: ['tls', 'ssl', 'handshake', 'certificate', 'https'],
  },
  {
    symptom: 'keda-not-scaling',
    title: 'KEDA not scaling',
    causes: [
      'Prometheus query returns nothing (read as 0 when ignoreNullValues is true)',
      'serverAddress wrong for this cluster',
      'Threshold is per replica (AverageValue), so the target is rarely exceeded',
      'Another HPA or ScaledObject owns the workload',
    ],
    checks: [
      {
        check: 'Trigger metadata, PromQL syntax, fallback, one autoscaler per workload',
        tool: 'validate_manifests',
        offline: true,
      },
      { check: 'ScaledObject Ready/Active, HPA present', tool: 'cluster_status', offline: false },
      { check: 'The trigger query returns data', tool: 'validate_criteria', offline: false },
    ],
    codes: ['keda/', 'lint/prometheus-null-as-zero', 'lint/prometheus-query-unscoped', 'lint/keda-'],
    words: ['keda', 'scal', 'replica', 'hpa'],
  },
  {
    symptom: 'unavailable-503-low-load',
    title: '503 under low load',
    causes: [
      'Circuit breaker thresholds below real concurrency (x-envoy-overloaded)',
      'No ready endpoints behind the Service (no healthy upstream)',
      'Backend Service port does not match',
    ],
    checks: [
      {
        check: 'Circuit breaker vs expected concurrency; backend Services and ports',
        tool: 'validate_manifests',
        offline: true,
      },
      { check: 'Endpoints ready, route ResolvedRefs', tool: 'cluster_status', offline: false },
    ],
    codes: ['lint/circuit-breaker-below-concurrency', 'ref/backend-service'],
    words: ['503', 'unavailable', 'overload', 'upstream'],
  },
  {
    symptom: 'slow-cold-start',
    title: 'Slow cold start',
    causes: [
      'minReplicas 0: the first request waits for a pod to start',
      'Activation threshold too high to wake up early',
    ],
    checks: [
      { check: 'Scale to zero behind the Gateway; idle replica settings', tool: 'validate_manifests', offline: true },
      { check: 'Current replicas and ScaledObject activity', tool: 'cluster_status', offline: false },
    ],
    codes: ['lint/scale-to-zero-behind-gateway', 'keda/idle-replica-count', 'keda/cpu-memory-scale-to-zero'],
    words: ['cold', 'slow', 'latency', 'first request', 'zero'],
  },
];

/** The playbook for a symptom, or the best match for a free-text description. */
export function findPlaybook(symptom?: Symptom, description?: string): Playbook | undefined {
  if (symptom) return PLAYBOOKS.find((p) => p.symptom === symptom);
  if (!description) return undefined;
  const text = description.toLowerCase();
  const scored = PLAYBOOKS.map((p) => ({ p, score: p.words.filter((w) => text.includes(w)).length })).filter(
    (s) => s.score > 0,
  );
  scored.sort((a, b) => b.score - a.score);
  return scored[0]?.p;
}

/** True when a diagnostic code belongs to the playbook. */
export function explains(p: Playbook, code: string): boolean {
  return p.codes.some((c) => (c.endsWith('/') || c.endsWith('-') ? code.startsWith(c) : code === c));
}

export function troubleshootingMarkdown(): string {
  const rows = PLAYBOOKS.map(
    (p) => `| ${p.title} | ${p.checks.map((c) => `${c.check} (\`${c.tool}\`)`).join('; ')} | ${p.causes[0]} |`,
  );
  return [
    '| Symptom | Checks (tool) | Most likely cause |',
    '|---|---|---|',
    ...rows,
    '',
    'Call `troubleshoot` with the symptom (and your spec) to run the offline checks.',
    '',
  ].join('\n');
}
