import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { scaledObjectsIn, scaleTargetOf } from '../util/keda.js';

/** ScaledObject scaleTargetRef resolves to a workload in the ScaledObject's namespace. */
export const scaleTarget: Rule = {
  id: 'ref/scale-target',
  severity: 'info',
  docs: {
    description:
      'A ScaledObject scaleTargetRef (default apps/v1 Deployment) must name a workload in the same namespace; otherwise KEDA reports Ready=False ("Target resource doesn\'t exist").',
    url: 'https://keda.sh/docs/2.20/reference/scaledobject-spec/#scaletargetref',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const so of scaledObjectsIn(ctx)) {
      const t = scaleTargetOf(so);
      if (!t.name || ctx.find(t.kind, so.namespace, t.name, t.group)) continue;
      out.push(
        finding(this, so, ['spec', 'scaleTargetRef', 'name'], {
          severity: ctx.connected ? 'error' : 'info',
          message: ctx.connected
            ? `scale target ${t.kind} ${so.namespace}/${t.name} does not exist; KEDA marks the ScaledObject Ready=False`
            : `scale target ${t.kind} ${so.namespace}/${t.name} is not in the validated set (checks that need it, such as resource requests for cpu/memory triggers, were skipped)`,
          hint: `create ${t.kind} ${t.name} in namespace ${so.namespace} or fix scaleTargetRef`,
        }),
      );
    }
    return out;
  },
};
