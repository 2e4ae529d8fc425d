import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { num, obj } from '../util/data.js';
import { scaledObjectsIn, webhookMin } from '../util/keda.js';

/** KEDA webhook W8: idleReplicaCount < min (min is 0 when minReplicaCount is omitted, 1 when it is an explicit 0). */
export const idleReplicaCount: Rule = {
  id: 'keda/idle-replica-count',
  severity: 'error',
  docs: {
    description:
      'idleReplicaCount must be less than the minimum replica count as the webhook computes it; with minReplicaCount omitted that minimum is 0, so any idleReplicaCount is rejected.',
    url: 'https://keda.sh/docs/2.20/reference/scaledobject-spec/#idlereplicacount',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const so of scaledObjectsIn(ctx)) {
      const idle = num(obj(so.object.spec).idleReplicaCount);
      if (idle === undefined) continue;
      const min = webhookMin(so);
      if (idle < min) continue;
      const omitted = num(obj(so.object.spec).minReplicaCount) === undefined;
      out.push(
        finding(this, so, ['spec', 'idleReplicaCount'], {
          message: `IdleReplicaCount=${idle} must be less than MinReplicaCount=${min}`,
          hint: omitted
            ? 'set minReplicaCount explicitly (for example 1 with idleReplicaCount 0)'
            : 'lower idleReplicaCount below minReplicaCount',
        }),
      );
    }
    return out;
  },
};
