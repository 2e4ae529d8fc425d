import type { TrafficSpecInput } from '../schema/index.js';
import { checksOf, cite, type Evidence, type Notes } from './draft.js';

type CircuitBreakerInput = NonNullable<TrafficSpecInput['circuitBreaker']>;
type AutoscalingInput = NonNullable<TrafficSpecInput['autoscaling']>;

const CB_FIELDS = [
  'maxConnections',
  'maxPendingRequests',
  'maxParallelRequests',
  'maxParallelRetries',
  'maxRequestsPerConnection',
] as const;

/** `kubectl get backendtrafficpolicy NAME` → the policy name. */
export function draftPolicyName(ev: Evidence, notes: Notes): string | undefined {
  const btp = checksOf(ev, 'resource').find((r) => r.check.resource.kind === 'backendtrafficpolicy');
  if (!btp) return undefined;
  notes.note(['policyName'], `from ${btp.id}`, 'inline');
  return btp.check.resource.name;
}

/** Circuit-breaker thresholds from `-o yaml | grep maxConnections` expectations. */
export function draftCircuitBreaker(ev: Evidence, notes: Notes): CircuitBreakerInput | undefined {
  const cb: CircuitBreakerInput = {};
  const from = [];
  for (const r of checksOf(ev, 'resource')) {
    if (r.check.resource.kind !== 'backendtrafficpolicy') continue;
    for (const f of r.check.expect.fields ?? []) {
      const key = CB_FIELDS.find((k) => k === f.field);
      if (key && /^\d+$/.test(f.value)) {
        cb[key] = Number(f.value);
        from.push(r);
      }
    }
  }
  if (from.length === 0) return undefined;
  notes.note(['circuitBreaker'], `from ${cite(from)}; thresholds count per Envoy replica`);
  const missing = CB_FIELDS.slice(0, 3).filter((k) => cb[k] === undefined);
  if (missing.length > 0)
    notes.todo(
      ['circuitBreaker'],
      `${missing.join(', ')} not stated (Envoy's default is 1024); set them or leave them out`,
    );
  return cb;
}

const RANGE = /\b(\d{1,4})\s*(?:-|–|to|and)\s*(\d{1,4})\s*(?:replicas|pods|instances)?/i;

/**
 * Autoscaling from `kubectl get scaledobject|hpa NAME` (MIN/MAX columns), the criterion's prose
 * (`1-10`, "request rate", "CPU") and the Prometheus address the prose names.
 */
export function draftAutoscaling(ev: Evidence, notes: Notes): AutoscalingInput | undefined {
  const res = checksOf(ev, 'resource').find((r) =>
    ['scaledobject', 'horizontalpodautoscaler'].includes(r.check.resource.kind),
  );
  if (!res) return undefined;
  const hpa = res.check.resource.kind === 'horizontalpodautoscaler';
  const cols = res.check.expect.columns ?? {};
  const description = ev.criteria.find((c) => c.id === res.id)?.description ?? '';
  const min = cols.MIN ?? cols.MINPODS;
  const max = cols.MAX ?? cols.MAXPODS;
  const range = RANGE.exec(description);
  const a: AutoscalingInput = {
    engine: hpa ? 'hpa' : 'keda',
    name: res.check.resource.name,
    minReplicas: 1,
    maxReplicas: 10,
    triggers: [],
  };
  notes.note(['autoscaling'], `from ${res.id}`);
  if (min !== undefined && /^\d+$/.test(min)) a.minReplicas = Number(min);
  else if (range) a.minReplicas = Number(range[1]);
  else {
    notes.todo(['autoscaling', 'minReplicas'], 'minimum replicas not stated', 'inline');
  }
  if (max !== undefined && /^\d+$/.test(max)) a.maxReplicas = Number(max);
  else if (range) a.maxReplicas = Number(range[2]);
  else {
    notes.todo(['autoscaling', 'maxReplicas'], 'maximum replicas not stated', 'inline');
  }
  const cpu = /\bcpu\b/i.test(description);
  if (cpu || hpa) {
    a.triggers.push({ type: 'cpu', utilization: 70 });
    notes.todo(
      ['autoscaling', 'triggers', 0, 'utilization'],
      'target CPU utilization (percent) is not stated',
      'inline',
    );
    return a;
  }
  const prom = ev.prose.mentions.prometheus;
  a.triggers.push({
    type: 'prometheus',
    serverAddress: prom ?? 'http://prometheus.monitoring.svc.cluster.local:9090',
    threshold: 50,
  });
  if (!/request/i.test(description))
    notes.todo(['autoscaling', 'triggers'], 'what drives scaling is not stated; request rate assumed');
  if (prom) notes.note(['autoscaling', 'triggers', 0, 'serverAddress'], 'from the prose', 'inline');
  else notes.todo(['autoscaling', 'triggers', 0, 'serverAddress'], 'Prometheus address is not stated', 'inline');
  notes.todo(['autoscaling', 'triggers', 0, 'threshold'], 'requests per second one replica should serve', 'inline');
  return a;
}
