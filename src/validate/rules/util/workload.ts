import type { Entry, RuleContext } from '../rule.js';
import { arr, obj, str } from './data.js';
import { routesIn } from './gateway.js';
import { scaleTargetOf } from './keda.js';
import { mapSelectorMatches } from './labels.js';

/** Pod template labels of a Deployment/StatefulSet. */
function podLabels(w: Entry): Record<string, string> {
  const labels = obj(obj(obj(obj(w.object.spec).template).metadata).labels);
  return Object.fromEntries(Object.entries(labels).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Does this Service send traffic to the ScaledObject's workload? By selector when the workload is known, else by equal name. */
export function serviceFeedsWorkload(ctx: RuleContext, service: Entry, so: Entry): boolean {
  const t = scaleTargetOf(so);
  const workload = ctx.find(t.kind, so.namespace, t.name, t.group);
  if (workload) return mapSelectorMatches(obj(service.object.spec).selector, podLabels(workload));
  return service.name === t.name;
}

/** Routes of the set (with rule index) whose backendRefs reach the ScaledObject's workload through a Service. */
export function routesToWorkload(ctx: RuleContext, so: Entry): { route: Entry; rule: number; service: string }[] {
  const out: { route: Entry; rule: number; service: string }[] = [];
  for (const route of routesIn(ctx)) {
    arr(obj(route.object.spec).rules).forEach((r, ri) => {
      for (const b of arr(obj(r).backendRefs)) {
        const ref = obj(b);
        if ((str(ref.kind) ?? 'Service') !== 'Service' || (str(ref.group) ?? '') !== '') continue;
        const ns = str(ref.namespace) ?? route.namespace;
        if (ns !== so.namespace) continue;
        const name = str(ref.name) ?? '';
        const svc = ctx.find('Service', ns, name, '');
        const feeds = svc ? serviceFeedsWorkload(ctx, svc, so) : name === scaleTargetOf(so).name;
        if (feeds) out.push({ route, rule: ri, service: name });
      }
    });
  }
  return out;
}
