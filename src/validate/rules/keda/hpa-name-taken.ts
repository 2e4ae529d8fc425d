import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { hpaNameOf, KEDA_GROUP, scaledObjectsIn } from '../util/keda.js';
import { group, precedes } from './workload-already-managed.js';

/** KEDA webhook W4: no other ScaledObject in the namespace uses the same HPA name. */
export const hpaNameTaken: Rule = {
  id: 'keda/hpa-name-taken',
  severity: 'error',
  docs: {
    description:
      'Two ScaledObjects in one namespace cannot produce the same HPA name (default keda-hpa-<name>, or advanced.horizontalPodAutoscalerConfig.name); the webhook rejects the second.',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    const all = ctx.allOfKind('ScaledObject', KEDA_GROUP);
    for (const so of scaledObjectsIn(ctx)) {
      const name = hpaNameOf(so);
      const other = all.find(
        (o) => o !== so && o.namespace === so.namespace && hpaNameOf(o) === name && precedes(o, so),
      );
      if (!other) continue;
      out.push(
        finding(this, so, ['spec', 'advanced', 'horizontalPodAutoscalerConfig', 'name'], {
          message: `the HPA '${name}' is already managed by the ScaledObject '${other.name}'`,
          hint: 'choose a different advanced.horizontalPodAutoscalerConfig.name',
        }),
      );
    }
    return out;
  },
};
