import type { Diagnostic } from '../../../model/diagnostic.js';
import { type Entry, finding, type Rule, type RuleContext } from '../rule.js';
import { isObj, num, obj, parseFloatStrict, str } from '../util/data.js';
import { envoyReplicas } from '../util/envoy.js';
import { maxReplicas, scaledObjectsIn, triggersOf } from '../util/keda.js';
import { resolvedTargetsOf } from '../util/policy.js';
import { scaledObjectsByRoute } from '../util/workload.js';

const DEFAULT_THRESHOLD = 1024;

/** In-flight requests a concurrency-scaled ScaledObject expects at max scale (threshold × maxReplicaCount), when it scales on concurrency. */
function expectedFromScaler(ctx: RuleContext, routeKeys: Set<string>): { value: number; source: string } | undefined {
  const byRoute = scaledObjectsByRoute(ctx, () => scaledObjectsIn(ctx));
  const candidates = new Set([...routeKeys].flatMap((k) => byRoute.get(k) ?? []));
  for (const so of candidates) {
    for (const t of triggersOf(so)) {
      const q = String(t.metadata.query ?? '');
      if (t.type !== 'prometheus' || !/rq_active|concurren|in_?flight/i.test(q)) continue;
      if ((str(t.raw.metricType) ?? 'AverageValue') !== 'AverageValue') continue;
      const threshold = parseFloatStrict(String(t.metadata.threshold ?? ''));
      if (threshold === undefined || threshold <= 0) continue;
      const max = maxReplicas(so);
      return {
        value: threshold * max,
        source: `ScaledObject ${so.namespace}/${so.name} (threshold ${threshold} in flight per pod × maxReplicaCount ${max})`,
      };
    }
  }
  return undefined;
}

/** Circuit-breaker thresholds lower than the concurrency the autoscaler is designed to reach. */
export const circuitBreakerBelowConcurrency: Rule = {
  id: 'lint/circuit-breaker-below-concurrency',
  severity: 'warning',
  docs: {
    description:
      'Envoy circuit-breaker thresholds are per Envoy replica and per backend; when maxParallelRequests × Envoy replicas is below the in-flight requests the autoscaler targets at max scale, Envoy answers 503 (x-envoy-overloaded) before the backends scale out.',
    url: 'https://gateway.envoyproxy.io/docs/tasks/traffic/circuit-breaker/',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const policy of ctx.ofKind('BackendTrafficPolicy', 'gateway.envoyproxy.io')) {
      const cb = obj(policy.object.spec).circuitBreaker;
      if (!isObj(cb)) continue;
      const expected = expectedConcurrency(ctx, policy);
      if (!expected) continue;
      const parallel = num(cb.maxParallelRequests) ?? DEFAULT_THRESHOLD;
      const envoy = envoyReplicas(ctx);
      const replicas = envoy?.replicas ?? 1;
      const capacity = parallel * replicas;
      if (capacity >= expected.value) continue;
      out.push(
        finding(this, policy, ['spec', 'circuitBreaker', 'maxParallelRequests'], {
          message: `circuitBreaker.maxParallelRequests ${parallel} × ${replicas} Envoy replica(s)${envoy ? '' : ' (assumed)'} = ${capacity} concurrent requests per backend, below the ${expected.value} expected by ${expected.source}: beyond ${capacity} in flight Envoy answers 503 (x-envoy-overloaded) instead of letting the backends scale`,
          hint: `raise maxParallelRequests to at least ${Math.ceil(expected.value / replicas)} (per Envoy replica), or lower the autoscaler's target`,
        }),
      );
    }
    return out;
  },
};

function expectedConcurrency(ctx: RuleContext, policy: Entry): { value: number; source: string } | undefined {
  if (ctx.options.expectedConcurrency !== undefined)
    return { value: ctx.options.expectedConcurrency, source: 'the expectedConcurrency option' };
  const routes = new Set(
    resolvedTargetsOf(ctx, policy)
      .filter((t) => t.target.object.kind.endsWith('Route'))
      .map((t) => `${t.target.namespace}/${t.target.name}`),
  );
  return routes.size > 0 ? expectedFromScaler(ctx, routes) : undefined;
}
