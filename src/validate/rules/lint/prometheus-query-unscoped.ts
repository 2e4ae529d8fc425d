import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { scaledObjectsIn, triggersOf } from '../util/keda.js';
import { analyzePromql } from '../util/promql.js';

const NAMESPACE_LABELS = new Set([
  'namespace',
  'exported_namespace',
  'kubernetes_namespace',
  'k8s_namespace',
  'namespace_name',
]);
/** envoy_cluster_name values (httproute/<ns>/<route>/rule/<i>) name the namespace and the route at once. */
const ROUTE_LABELS = new Set(['envoy_cluster_name']);
const WORKLOAD_LABELS = new Set([
  'service',
  'exported_service',
  'route',
  'httproute',
  'deployment',
  'pod',
  'app',
  'app_kubernetes_io_name',
  'job',
  'container',
  'handler',
  'service_name',
  'workload',
]);

/** A prometheus trigger query with no namespace (or route) selector sums traffic of other namespaces or services. */
export const prometheusQueryUnscoped: Rule = {
  id: 'lint/prometheus-query-unscoped',
  severity: 'warning',
  docs: {
    description:
      'A scaling query should select its own series: without a namespace matcher (or an Envoy envoy_cluster_name that encodes namespace and route) a same-named service elsewhere is summed in; without any workload matcher the query scales on all traffic.',
    url: 'https://keda.sh/docs/2.20/scalers/prometheus/',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const so of scaledObjectsIn(ctx)) {
      for (const t of triggersOf(so)) {
        if (t.type !== 'prometheus' || typeof t.metadata.query !== 'string') continue;
        const q = analyzePromql(t.metadata.query);
        if (q.error || q.metrics.length === 0) continue;
        const names = new Set(q.matchers.map((m) => m.name));
        const has = (set: Set<string>) => [...names].some((n) => set.has(n));
        const scopedNs = has(NAMESPACE_LABELS) || t.metadata.namespace !== undefined;
        const scopedWorkload = has(WORKLOAD_LABELS);
        if (has(ROUTE_LABELS) || (scopedNs && scopedWorkload)) continue;
        const metric = q.metrics.join(', ');
        const message =
          !scopedNs && !scopedWorkload
            ? `query selects every ${metric} series in every namespace (no namespace, route or service matcher): it scales ${so.namespace}/${so.name} on all of that traffic`
            : !scopedNs
              ? `query has no namespace matcher: ${metric} series of a same-named ${[...names].filter((n) => WORKLOAD_LABELS.has(n)).join('/')} in another namespace are summed in`
              : `query filters ${metric} by namespace only: every workload in the namespace counts as load for ${so.name}`;
        out.push(
          finding(this, so, ['spec', 'triggers', t.index, 'metadata', 'query'], {
            message,
            hint: `scope it, e.g. add namespace="${so.namespace}" and the service/route label, or use Envoy's series for the route: envoy_cluster_upstream_rq_total{envoy_cluster_name="httproute/${so.namespace}/<route>/rule/0"}`,
          }),
        );
      }
    }
    return out;
  },
};
