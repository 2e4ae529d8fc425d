/**
 * Resource check (`kubectl get KIND NAME` columns, or `-o yaml | grep field`): find the object in
 * the stack and compare. Fields are searched anywhere in the object, as grep would, and reported
 * with their path (`spec.circuitBreaker.maxConnections`). Printer columns that come from the spec
 * (ScaledObject MIN/MAX/TRIGGERS, HPA MINPODS/MAXPODS, Gateway CLASS, HTTPRoute HOSTNAMES) are
 * compared; columns from status (READY, ACTIVE, PROGRAMMED, ADDRESS, AGE…) are `needs-live`.
 */
import type { Manifest } from '../../../model/manifest.js';
import { circuitBreakerOf, desiredReplicas, simulateCircuitBreaker } from '../../../simulate/policy/index.js';
import type { ResourceCheck } from '../../../spec/checks.js';
import type { StaticContext } from '../context.js';
import type { StaticCheckResult } from '../types.js';

type Raw = Record<string, unknown>;

const KINDS: Record<string, string> = {
  scaledobject: 'ScaledObject',
  so: 'ScaledObject',
  backendtrafficpolicy: 'BackendTrafficPolicy',
  btp: 'BackendTrafficPolicy',
  clienttrafficpolicy: 'ClientTrafficPolicy',
  ctp: 'ClientTrafficPolicy',
  securitypolicy: 'SecurityPolicy',
  gateway: 'Gateway',
  gtw: 'Gateway',
  gatewayclass: 'GatewayClass',
  gc: 'GatewayClass',
  httproute: 'HTTPRoute',
  service: 'Service',
  svc: 'Service',
  secret: 'Secret',
  certificate: 'Certificate',
  cert: 'Certificate',
  issuer: 'Issuer',
  horizontalpodautoscaler: 'HorizontalPodAutoscaler',
  hpa: 'HorizontalPodAutoscaler',
  namespace: 'Namespace',
  ns: 'Namespace',
  deployment: 'Deployment',
  deploy: 'Deployment',
};

/** Kinds traffic-engineer generates: absent from the stack means absent from the cluster after apply. */
const STACK_KINDS = new Set([
  'ScaledObject',
  'BackendTrafficPolicy',
  'ClientTrafficPolicy',
  'SecurityPolicy',
  'Gateway',
  'HTTPRoute',
  'Certificate',
  'Issuer',
  'HorizontalPodAutoscaler',
  'Namespace',
]);

/** `scaledobjects.keda.sh`, `ScaledObjects`, `so` → `ScaledObject`. */
export function canonicalKind(kind: string): string {
  const k = kind.toLowerCase().split('.')[0];
  return KINDS[k] ?? KINDS[k.replace(/s$/, '')] ?? KINDS[k.replace(/es$/, '')] ?? kind;
}

type Column = (o: Raw) => string | undefined;
const get = (o: Raw, path: string[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Raw)[k] : undefined), o);
const str = (v: unknown) =>
  v === undefined || v === null ? '' : Array.isArray(v) ? v.map(String).join(',') : String(v);

/** Printer columns computed from the spec; undefined entries exist only live. */
const COLUMNS: Record<string, Record<string, Column | undefined>> = {
  ScaledObject: {
    MIN: (o) => str(get(o, ['spec', 'minReplicaCount'])),
    MAX: (o) => str(get(o, ['spec', 'maxReplicaCount'])),
    TRIGGERS: (o) => str(((get(o, ['spec', 'triggers']) ?? []) as Raw[]).map((t) => t.type)),
    SCALETARGETKIND: undefined,
    SCALETARGETNAME: undefined,
    READY: undefined,
    ACTIVE: undefined,
    FALLBACK: undefined,
    PAUSED: undefined,
  },
  HorizontalPodAutoscaler: {
    MINPODS: (o) => str(get(o, ['spec', 'minReplicas']) ?? 1),
    MAXPODS: (o) => str(get(o, ['spec', 'maxReplicas'])),
  },
  Gateway: { CLASS: (o) => str(get(o, ['spec', 'gatewayClassName'])) },
  HTTPRoute: { HOSTNAMES: (o) => str(get(o, ['spec', 'hostnames'])) },
};

/** Every path where a key named `field` occurs, with its scalar value. */
export function findField(
  o: unknown,
  field: string,
  path: (string | number)[] = [],
): { path: string; value: string }[] {
  if (!o || typeof o !== 'object') return [];
  const out: { path: string; value: string }[] = [];
  for (const [k, v] of Object.entries(o as Raw)) {
    const p = [...path, Array.isArray(o) ? Number(k) : k];
    if (k === field && (v === null || typeof v !== 'object'))
      out.push({
        path: p.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i ? '.' : ''}${s}`)).join(''),
        value: str(v),
      });
    out.push(...findField(v, field, p));
  }
  return out;
}

function lookup(ctx: StaticContext, kind: string, name: string, namespace?: string): Manifest[] {
  return ctx.manifests.filter(
    (m) =>
      m.kind === kind &&
      m.metadata.name === name &&
      (namespace === undefined || kind === 'Namespace' || (m.metadata.namespace ?? 'default') === namespace),
  );
}

export function checkResource(ctx: StaticContext, c: ResourceCheck): StaticCheckResult {
  const kind = canonicalKind(c.resource.kind);
  const id = `${kind} ${c.resource.namespace ? `${c.resource.namespace}/` : ''}${c.resource.name}`;
  const base = { kind: 'resource', expected: c.expect, raw: c.raw };
  const found = lookup(ctx, kind, c.resource.name, c.resource.namespace);
  if (found.length === 0) {
    const verdict = STACK_KINDS.has(kind) ? 'violated' : 'needs-live';
    const why = STACK_KINDS.has(kind)
      ? `the stack has no ${id}, so the command finds nothing after apply`
      : `${id} is not part of the stack; only the cluster knows it`;
    const same = ctx.manifests
      .filter((m) => m.kind === kind)
      .map((m) => `${m.metadata.namespace ? `${m.metadata.namespace}/` : ''}${m.metadata.name}`);
    return {
      ...base,
      verdict,
      predicted: null,
      explanation: `${why}${same.length ? ` (the stack has ${kind} ${same.join(', ')})` : ''}`,
    };
  }
  const o = found[0] as unknown as Raw;
  const lines: string[] = [];
  const predicted: Raw = {};
  let violated = false;
  let live = false;
  for (const [col, want] of Object.entries(c.expect.columns ?? {})) {
    const cols = COLUMNS[kind] ?? {};
    const key = col.toUpperCase();
    if (key === 'NAME') {
      predicted[col] = c.resource.name;
      if (c.resource.name !== want) violated = true;
      continue;
    }
    const fn = cols[key];
    if (!fn) {
      live = true;
      predicted[col] = null;
      lines.push(
        `${col} comes from the object's status (${key in cols ? 'set by the controller' : 'not a spec column'}): needs a live cluster`,
      );
      continue;
    }
    const got = fn(o) ?? '';
    predicted[col] = got;
    if (got === want) lines.push(`${col} = ${got} (from the spec)`);
    else {
      violated = true;
      lines.push(`${col} would show ${got === '' ? '(blank: not set)' : got}, expected ${want}`);
    }
  }
  for (const f of c.expect.fields ?? []) {
    const hits = findField(o, f.field);
    predicted[f.field] = hits.map((h) => `${h.path} = ${h.value}`);
    const match = hits.find((h) => h.value === f.value);
    if (match) lines.push(`${f.field}: ${f.value} found at ${match.path}`);
    else {
      violated = true;
      lines.push(
        hits.length
          ? `${f.field} is ${hits.map((h) => `${h.value} at ${h.path}`).join(', ')}, expected ${f.value}`
          : `${id} has no field ${f.field} (expected ${f.value})`,
      );
    }
  }
  lines.push(...behaviourNotes(kind, o, ctx.envoyReplicas));
  const verdict = violated ? 'violated' : live ? 'needs-live' : 'proved';
  return { ...base, verdict, predicted, explanation: `${id} in the stack: ${lines.join('; ') || 'exists'}` };
}

/** What the object's numbers mean at run time: circuit-breaker overflow, replica math. */
function behaviourNotes(kind: string, o: Raw, replicas: number): string[] {
  if (kind === 'BackendTrafficPolicy' && get(o, ['spec', 'circuitBreaker'])) {
    const t = circuitBreakerOf(o as unknown as Manifest);
    const first503 =
      t.maxParallelRequests < t.maxConnections
        ? t.maxParallelRequests + 1
        : t.maxConnections + t.maxPendingRequests + 1;
    const at = simulateCircuitBreaker(t, first503);
    return [
      `circuit breaker per Envoy replica (${replicas}) and per backendRef: from ${first503} concurrent requests on, overflow gets 503 with x-envoy-overloaded (${at.explanation})`,
    ];
  }
  if (kind === 'ScaledObject') {
    const min = Number(get(o, ['spec', 'minReplicaCount']) ?? 0);
    const max = Number(get(o, ['spec', 'maxReplicaCount']) ?? 100);
    const notes: string[] = [];
    for (const t of (get(o, ['spec', 'triggers']) ?? []) as Raw[]) {
      const threshold = Number((t.metadata as Raw | undefined)?.threshold);
      if (!Number.isFinite(threshold) || threshold <= 0) continue;
      const type = t.metricType === 'Value' ? 'Value' : 'AverageValue';
      const value = threshold * 2.5;
      const d = desiredReplicas({ value, threshold, metricType: type, current: 1, minReplicas: min, maxReplicas: max });
      notes.push(
        `trigger ${t.name ?? t.type}: ${type} ${threshold}${type === 'AverageValue' ? ' per pod' : ''}, so a metric of ${value} at 1 replica → ${d.desired} (${d.explanation}); HPA defaults: scale up at most max(4 pods, 100%) per 15 s, scale down after a 300 s window`,
      );
    }
    return notes;
  }
  return [];
}
