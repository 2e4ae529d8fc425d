import type { Diagnostic } from '../../../model/diagnostic.js';
import { type Entry, finding, type Rule, type RuleContext } from '../rule.js';
import { arr, obj, str } from '../util/data.js';
import { isCpuMemory, scaledObjectsIn, scaleTargetOf, triggersOf } from '../util/keda.js';

/** A Kubernetes quantity that is present and > 0. */
export function positiveQuantity(v: unknown): boolean {
  const s = typeof v === 'number' ? String(v) : str(v);
  const m = s?.trim().match(/^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/);
  return m ? Number(m[1]) > 0 : false;
}

function limitRangeDefaults(ctx: RuleContext, ns: string | undefined, resource: string): boolean {
  return ctx.allOfKind('LimitRange', '').some(
    (lr) =>
      lr.namespace === ns &&
      arr(obj(lr.object.spec).limits).some((l) => {
        const o = obj(l);
        return (
          str(o.type) === 'Container' &&
          (positiveQuantity(obj(o.default)[resource]) || positiveQuantity(obj(o.defaultRequest)[resource]))
        );
      }),
  );
}

/** Target Deployment/StatefulSet of a ScaledObject, when it is known. */
export function workloadOf(ctx: RuleContext, so: Entry): Entry | undefined {
  const t = scaleTargetOf(so);
  if (t.group !== 'apps' || (t.kind !== 'Deployment' && t.kind !== 'StatefulSet')) return undefined;
  return ctx.find(t.kind, so.namespace, t.name, 'apps');
}

/** KEDA webhook W9: a cpu/memory trigger needs a request (or limit) for that resource on every container of the target. */
export const cpuMemoryRequests: Rule = {
  id: 'keda/cpu-memory-requests',
  severity: 'error',
  docs: {
    description:
      'With a cpu or memory trigger, every container of the target Deployment/StatefulSet (or the one named by metadata.containerName) must request (or limit) that resource, or a namespace LimitRange must default it; otherwise the webhook rejects the ScaledObject.',
    url: 'https://keda.sh/docs/2.20/scalers/cpu/',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const so of scaledObjectsIn(ctx)) {
      const workload = workloadOf(ctx, so);
      if (!workload) continue;
      const containers = arr(obj(obj(obj(workload.object.spec).template).spec).containers).map((c) => obj(c));
      for (const t of triggersOf(so).filter(isCpuMemory)) {
        const only = str(t.metadata.containerName);
        if (limitRangeDefaults(ctx, so.namespace, t.type)) continue;
        for (const c of containers) {
          const name = str(c.name) ?? '';
          if (only && name !== only) continue;
          const res = obj(c.resources);
          if (positiveQuantity(obj(res.requests)[t.type]) || positiveQuantity(obj(res.limits)[t.type])) continue;
          out.push(
            finding(this, so, ['spec', 'triggers', t.index], {
              message: `the scaledobject has a ${t.type} trigger but the container ${name} doesn't have the ${t.type} request defined`,
              hint: `set resources.requests.${t.type} on container ${name} of ${workload.object.kind} ${workload.name}`,
            }),
          );
        }
      }
    }
    return out;
  },
};
