import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { num, obj } from '../util/data.js';
import { scaledObjectsIn } from '../util/keda.js';
import { routesToWorkload } from '../util/workload.js';

/** Scale to zero on a workload that serves an HTTPRoute directly: the first requests after idle fail or wait for a cold start. */
export const scaleToZeroBehindGateway: Rule = {
  id: 'lint/scale-to-zero-behind-gateway',
  severity: 'warning',
  docs: {
    description:
      'A ScaledObject that can reach zero replicas (minReplicaCount 0/omitted, or idleReplicaCount 0) on a workload behind a Gateway route: with no pods Envoy answers 503 until KEDA notices load on its next poll and a pod starts. Keep minReplicaCount ≥ 1 or route through the KEDA HTTP add-on interceptor.',
    url: 'https://keda.sh/docs/2.20/concepts/scaling-deployments/',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const so of scaledObjectsIn(ctx)) {
      const spec = obj(so.object.spec);
      const min = num(spec.minReplicaCount);
      const toZero = (min ?? 0) === 0 || num(spec.idleReplicaCount) === 0;
      if (!toZero) continue;
      const routes = routesToWorkload(ctx, so);
      if (routes.length === 0) continue;
      const r = routes[0];
      out.push(
        finding(
          this,
          so,
          min === undefined
            ? ['spec']
            : num(spec.idleReplicaCount) === 0
              ? ['spec', 'idleReplicaCount']
              : ['spec', 'minReplicaCount'],
          {
            message: `${so.name} can scale to zero, but ${r.route.object.kind} ${r.route.namespace}/${r.route.name} sends traffic to it directly (Service ${r.service}): while there are no pods Envoy answers 503, and scaling up waits for KEDA's next poll plus pod start-up`,
            hint: 'set minReplicaCount: 1 for a latency-sensitive API, or put the KEDA HTTP add-on interceptor in front to hold requests during cold start',
          },
        ),
      );
    }
    return out;
  },
};
