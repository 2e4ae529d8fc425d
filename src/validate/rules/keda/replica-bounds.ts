import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { maxReplicas, scaledObjectsIn, webhookMin } from '../util/keda.js';

/** KEDA webhook W7: minReplicaCount ≤ maxReplicaCount (an explicit 0 counts as 1; max defaults to 100). */
export const replicaBounds: Rule = {
  id: 'keda/replica-bounds',
  severity: 'error',
  docs: {
    description: 'minReplicaCount must not exceed maxReplicaCount (default 100); the webhook rejects the ScaledObject.',
    url: 'https://keda.sh/docs/2.20/reference/scaledobject-spec/#minreplicacount',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const so of scaledObjectsIn(ctx)) {
      const min = webhookMin(so);
      const max = maxReplicas(so);
      if (min <= max) continue;
      out.push(
        finding(this, so, ['spec', 'minReplicaCount'], {
          message: `MinReplicaCount=${min} must be less than MaxReplicaCount=${max}`,
          hint: 'raise maxReplicaCount or lower minReplicaCount; to switch scaling off use the autoscaling.keda.sh/paused-replicas annotation',
        }),
      );
    }
    return out;
  },
};
