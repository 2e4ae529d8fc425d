import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { num, obj } from '../util/data.js';
import { scaledObjectsIn } from '../util/keda.js';

/** KEDA 2.20 webhook warning WW2: cooldownPeriod only applies to scale to zero / idle. */
export const kedaCooldownIgnored: Rule = {
  id: 'lint/keda-cooldown-ignored',
  severity: 'warning',
  docs: {
    description:
      'cooldownPeriod only delays scaling to zero (or to idleReplicaCount); with minReplicaCount > 0 it has no effect. HPA scale-down speed is advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.',
    url: 'https://keda.sh/docs/2.20/reference/scaledobject-spec/#cooldownperiod',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const so of scaledObjectsIn(ctx)) {
      const spec = obj(so.object.spec);
      const min = num(spec.minReplicaCount) ?? 0;
      if (spec.cooldownPeriod === undefined || min <= 0 || num(spec.idleReplicaCount) === 0) continue;
      out.push(
        finding(this, so, ['spec', 'cooldownPeriod'], {
          message:
            'CooldownPeriod is configured but is not relevant. CooldownPeriod is only relevant when minReplicaCount = 0 or idleReplicaCount = 0',
          hint: 'remove cooldownPeriod; to slow scale-down set advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.stabilizationWindowSeconds',
        }),
      );
    }
    return out;
  },
};
