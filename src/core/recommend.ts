/**
 * The decision tree: answers about the workload in, the patterns that fit, a TrafficSpec fragment and
 * the tool calls that build it out. Pure; the MCP `recommend` tool and the skill's table share it.
 */
import * as z from 'zod';
import { Label, Port, Subdomain } from '../spec/schema/names.js';
import { TrafficSpec } from '../spec/schema/spec.js';

export const RecommendInput = z.object({
  app: Label.default('app'),
  namespace: Label.default('default'),
  service: z.object({ name: Label, port: Port }).strict().optional(),
  externalAccess: z.boolean().default(true),
  versions: z
    .array(z.object({ path: z.string().startsWith('/'), service: Subdomain, port: Port.optional() }).strict())
    .default([])
    .describe('[{path: /api/v1, service: app-v1}]'),
  canary: z
    .object({ service: Subdomain, port: Port.optional(), percent: z.number().int().min(1).max(99) })
    .strict()
    .optional()
    .describe('{service, percent}'),
  perUserQuota: z
    .object({
      header: z.string().default('x-user-id'),
      perMinute: z.number().int().min(1),
      anonymousPerMinute: z.number().int().min(0).optional(),
    })
    .strict()
    .optional()
    .describe('{header: x-user-id, perMinute, anonymousPerMinute?}'),
  envoyReplicas: z.number().int().min(1).default(1),
  overloadProtection: z.boolean().default(false),
  maxConcurrency: z.number().int().min(1).optional().describe('Backend concurrency'),
  tls: z.enum(['none', 'self-signed', 'cert-manager', 'existing-secret']).default('none'),
  scaling: z.enum(['none', 'cpu', 'request-rate', 'schedule']).default('none'),
  costSensitive: z.boolean().default(false).describe('Scale to zero when idle'),
  llmTraffic: z.boolean().default(false),
});
export type RecommendInput = z.input<typeof RecommendInput>;

export interface Pattern {
  question: string;
  answer: 'yes' | 'no';
  pattern: string;
  why: string;
  tool?: string;
}

export interface Recommendation {
  patterns: Pattern[];
  spec: Record<string, unknown>;
  specValid: boolean;
  specErrors: string[];
  toolCalls: { tool: string; arguments: Record<string, unknown> }[];
  notes: string[];
}

export function recommend(raw: RecommendInput): Recommendation {
  const a = RecommendInput.parse(raw);
  const svc = a.service ?? { name: a.app, port: 80 };
  const patterns: Pattern[] = [];
  const notes: string[] = [];
  const services = [svc, ...a.versions.map((v) => ({ name: v.service, port: v.port ?? svc.port }))];
  if (a.canary) services.push({ name: a.canary.service, port: a.canary.port ?? svc.port });
  const spec: Record<string, unknown> = { app: a.app, namespace: a.namespace, services: dedupe(services) };
  const yes = (question: string, pattern: string, why: string, tool?: string) =>
    patterns.push({ question, answer: 'yes', pattern, why, tool });
  const no = (question: string, pattern: string, why: string, tool?: string) =>
    patterns.push({ question, answer: 'no', pattern, why, tool });

  if (a.externalAccess)
    yes(
      'External access?',
      'Gateway (class eg) + HTTPRoute',
      'Envoy Gateway programs an Envoy proxy per Gateway; HTTPRoutes attach to its listeners.',
      'generate_gateway',
    );
  else
    no(
      'External access?',
      'No Gateway; a ClusterIP Service is enough',
      'In-cluster callers reach the Service directly.',
    );

  const rules: Record<string, unknown>[] = a.versions.map((v) => ({ path: v.path, backend: v.service }));
  if (a.canary)
    rules.push({
      path: '/',
      backends: [
        { name: svc.name, weight: 100 - a.canary.percent },
        { name: a.canary.service, weight: a.canary.percent },
      ],
    });
  else rules.push({ path: '/', backend: svc.name });
  if (a.versions.length || a.canary) {
    yes(
      'Several API versions?',
      a.canary ? 'Weighted backendRefs (canary split)' : 'One PathPrefix rule per version',
      'The longest matching prefix wins, so /api/v1 and /api/v2 never shadow each other; weights split traffic on one path.',
      'generate_httproute',
    );
    spec.routes = [{ name: `${a.app}-route`, rules }];
  } else no('Several API versions?', 'One rule to one backend', 'Nothing to split.', 'generate_httproute');

  if (a.perUserQuota) {
    const q = a.perUserQuota;
    const scope = a.envoyReplicas > 1 ? 'global' : 'local';
    const tiers: Record<string, unknown>[] = [
      { name: 'per-user', key: { header: q.header }, limit: { requests: q.perMinute, unit: 'Minute' } },
    ];
    if (q.anonymousPerMinute !== undefined)
      tiers.push({
        name: 'anonymous',
        match: { headerAbsent: q.header },
        limit: { requests: q.anonymousPerMinute, unit: 'Minute' },
      });
    spec.rateLimit = { scope, tiers };
    if (a.envoyReplicas > 1) spec.gateway = { envoyReplicas: a.envoyReplicas };
    yes(
      'Per-user quotas?',
      `${scope} rate limit, one bucket per distinct ${q.header} (type Distinct)`,
      `A header match with value "*" is a literal match, not a wildcard; Distinct gives each caller its own bucket. ${scope === 'global' ? 'Several Envoy replicas: global keeps one counter (needs the EG rate-limit service and Redis).' : 'One Envoy replica: local is exact and needs nothing else.'}`,
      'generate_ratelimit',
    );
    notes.push(
      `${q.header} is sent by the client: derive it from a verified JWT (SecurityPolicy claimToHeaders) or anyone can claim any identity.`,
    );
  } else
    no(
      'Per-user quotas?',
      'No limit, or one shared bucket (a tier without key)',
      'A tier without key is one bucket for every matching request.',
      'generate_ratelimit',
    );

  if (a.overloadProtection) {
    const c = a.maxConcurrency ?? 100;
    spec.circuitBreaker = {
      maxConnections: c * 2,
      maxParallelRequests: c,
      maxPendingRequests: Math.max(1, Math.round(c / 5)),
    };
    spec.retry = { numRetries: 2 };
    yes(
      'Protect the backend from overload?',
      'Circuit breaker (+ retries on connect failure)',
      `Thresholds are per Envoy replica and per backend; beyond them Envoy answers 503 at once. Sized from maxConcurrency ${c}.`,
      'generate_circuit_breaker',
    );
  } else
    no(
      'Protect the backend from overload?',
      'Envoy defaults (1024 per threshold)',
      'Low traffic rarely needs tighter limits.',
    );

  if (a.tls !== 'none') {
    const mode = a.tls === 'existing-secret' ? 'secret' : a.tls;
    spec.tls = {
      mode,
      ...(mode === 'cert-manager' ? { createSelfSignedIssuer: true } : {}),
    };
    yes(
      'TLS?',
      `HTTPS listener terminating TLS with a kubernetes.io/tls Secret (${a.tls})`,
      mode === 'cert-manager'
        ? 'cert-manager keeps the Secret renewed; replace the self-signed Issuer with your ClusterIssuer.'
        : mode === 'secret'
          ? 'The Secret must exist in the namespace before the Gateway can program the listener.'
          : 'A self-signed certificate is for local clusters; clients need -k or the CA.',
      'generate_tls',
    );
    if (mode === 'cert-manager')
      notes.push(
        'cert-manager: createSelfSignedIssuer is a placeholder; set tls.issuerRef to your issuer for trusted certificates.',
      );
  } else no('TLS?', 'HTTP only', 'Fine inside a trusted network or behind a TLS-terminating load balancer.');

  const scaleToZero = a.costSensitive && a.scaling !== 'none' && a.scaling !== 'cpu';
  if (a.scaling === 'request-rate' || a.scaling === 'schedule') {
    const trigger =
      a.scaling === 'request-rate'
        ? { type: 'prometheus', serverAddress: 'http://prometheus.monitoring.svc.cluster.local:9090', threshold: 50 }
        : { type: 'cron', timezone: 'UTC', start: '0 8 * * 1-5', end: '0 18 * * 1-5', desiredReplicas: 3 };
    spec.autoscaling = {
      engine: 'keda',
      minReplicas: scaleToZero ? 0 : 1,
      maxReplicas: 10,
      ...(a.scaling === 'request-rate' ? { fallback: { failureThreshold: 3, replicas: 2 } } : {}),
      triggers: [trigger],
    };
    yes(
      'Event-driven scaling?',
      `KEDA ScaledObject with a ${trigger.type} trigger`,
      a.scaling === 'request-rate'
        ? 'threshold is per replica (AverageValue): desired = ceil(rate / threshold). A failing query holds fallback replicas instead of reading as zero.'
        : 'Cron holds desiredReplicas in the window.',
      'generate_scaler',
    );
  } else if (a.scaling === 'cpu') {
    spec.autoscaling = { engine: 'hpa', minReplicas: 1, maxReplicas: 10, triggers: [{ type: 'cpu', utilization: 70 }] };
    no(
      'Event-driven scaling?',
      'HPA on CPU',
      'CPU-bound work scales on utilization; the Deployment needs CPU requests.',
      'generate_scaler',
    );
  } else no('Event-driven scaling?', 'Fixed replicas', 'No scaler requested.');

  if (a.costSensitive) {
    if (scaleToZero)
      yes(
        'Cost-sensitive?',
        'KEDA minReplicas 0 (scale to zero)',
        'The first request after idle waits for a pod to start; Envoy answers 503 until one is ready.',
        'generate_scaler',
      );
    else
      yes(
        'Cost-sensitive?',
        'Low minReplicas, no scale to zero',
        'Scale to zero needs an event trigger (request-rate or schedule); cpu/memory alone cannot wake from zero.',
        'generate_scaler',
      );
  } else no('Cost-sensitive?', 'minReplicas ≥ 1', 'No cold starts.');

  if (a.llmTraffic) {
    yes(
      'LLM traffic?',
      'Envoy AI Gateway (token-based limits, provider fallback)',
      'traffic-engineer does not generate AI Gateway resources; use request limits here and see references/llm-traffic.md.',
    );
    notes.push(
      'LLM traffic: token budgets need Envoy AI Gateway (AIGatewayRoute, llmRequestCosts, a global BackendTrafficPolicy rule with cost.response from metadata); not generated by traffic-engineer.',
    );
  } else no('LLM traffic?', 'Request-based rate limiting', 'Requests, not tokens, are the unit.');

  const parsed = TrafficSpec.safeParse(spec);
  const toolCalls = [
    { tool: 'generate_stack', arguments: { spec } },
    { tool: 'validate_manifests', arguments: { specPath: 'traffic-spec.md' } },
    { tool: 'validate_criteria', arguments: { specPath: 'traffic-spec.md', mode: 'static' } },
  ];
  notes.push(
    'Save the fragment as the yaml block of traffic-spec.md (with success criteria), then validate and check it by specPath.',
  );
  return {
    patterns,
    spec,
    specValid: parsed.success,
    specErrors: parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    toolCalls,
    notes,
  };
}

function dedupe(services: { name: string; port: number }[]) {
  const seen = new Set<string>();
  return services.filter((s) => {
    if (seen.has(s.name)) return false;
    seen.add(s.name);
    return true;
  });
}

/** The decision tree as a markdown table (resource te://guide/decision-tree). */
export const DECISION_TREE: readonly { question: string; yes: string; no: string; tool: string }[] = [
  { question: 'External access?', yes: 'Gateway + HTTPRoute', no: 'ClusterIP Service only', tool: 'generate_gateway' },
  {
    question: 'Several API versions?',
    yes: 'PathPrefix rule per version; weighted backends for canary',
    no: 'One rule, one backend',
    tool: 'generate_httproute',
  },
  {
    question: 'Per-user quotas?',
    yes: 'Rate-limit tier keyed by the identity header (Distinct) + anonymous tier (headerAbsent)',
    no: 'One shared bucket or none',
    tool: 'generate_ratelimit',
  },
  {
    question: 'Protect the backend from overload?',
    yes: 'Circuit breaker (+ retries)',
    no: 'Envoy defaults (1024)',
    tool: 'generate_circuit_breaker',
  },
  {
    question: 'TLS?',
    yes: 'HTTPS listener + kubernetes.io/tls Secret (self-signed, cert-manager or existing)',
    no: 'HTTP only',
    tool: 'generate_tls',
  },
  {
    question: 'Event-driven scaling?',
    yes: 'KEDA ScaledObject (prometheus / cron trigger, fallback)',
    no: 'HPA on CPU',
    tool: 'generate_scaler',
  },
  {
    question: 'Cost-sensitive?',
    yes: 'KEDA minReplicas 0 with an event trigger',
    no: 'minReplicas ≥ 1',
    tool: 'generate_scaler',
  },
  {
    question: 'LLM traffic?',
    yes: 'Envoy AI Gateway (token limits) — not generated here',
    no: 'Request-based rate limits',
    tool: 'generate_ratelimit',
  },
];

export function decisionTreeMarkdown(): string {
  const rows = DECISION_TREE.map((r) => `| ${r.question} | ${r.yes} | ${r.no} | \`${r.tool}\` |`);
  return [
    '| Question | If yes | If no | Tool |',
    '|---|---|---|---|',
    ...rows,
    '',
    'Call `recommend` with the answers to get the spec fragment.',
    '',
  ].join('\n');
}
