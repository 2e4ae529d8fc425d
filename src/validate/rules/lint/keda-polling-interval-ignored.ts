import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { num, obj } from '../util/data.js';
import { scaledObjectsIn, triggersOf } from '../util/keda.js';

/** KEDA 2.20 webhook warning WW1: pollingInterval has no effect with minReplicaCount > 0, no idle 0 and no cached metrics. */
export const kedaPollingIntervalIgnored: Rule = {
  id: 'lint/keda-polling-interval-ignored',
  severity: 'warning',
  docs: {
    description:
      "pollingInterval only drives KEDA's own 0↔1 (or idle) decisions and cached metrics; with minReplicaCount > 0 the HPA (15 s loop) does all scaling and the field has no effect.",
    url: 'https://keda.sh/docs/2.20/reference/scaledobject-spec/#pollinginterval',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const so of scaledObjectsIn(ctx)) {
      const spec = obj(so.object.spec);
      const min = num(spec.minReplicaCount) ?? 0;
      if (spec.pollingInterval === undefined || min <= 0 || num(spec.idleReplicaCount) === 0) continue;
      if (triggersOf(so).some((t) => t.raw.useCachedMetrics === true)) continue;
      out.push(
        finding(this, so, ['spec', 'pollingInterval'], {
          message:
            'PollingInterval is configured but is not relevant. PollingInterval is only relevant when minReplicaCount = 0 or idleReplicaCount = 0 or useCachedMetrics is enabled',
          hint: 'remove pollingInterval (scaling speed between 1 and N is set by advanced.horizontalPodAutoscalerConfig.behavior)',
        }),
      );
    }
    return out;
  },
};
