import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { num, obj } from '../util/data.js';
import { isCpuMemory, scaledObjectsIn, scaleTargetOf, triggersOf } from '../util/keda.js';

/** KEDA webhook W10: a ScaledObject with only cpu/memory triggers cannot have minReplicaCount 0 (or omitted). */
export const cpuMemoryScaleToZero: Rule = {
  id: 'keda/cpu-memory-scale-to-zero',
  severity: 'error',
  docs: {
    description:
      'cpu/memory metrics cannot wake a workload from zero pods, so a ScaledObject whose triggers are all cpu/memory must set minReplicaCount ≥ 1 (checked for Deployment/StatefulSet targets).',
    url: 'https://keda.sh/docs/2.20/scalers/cpu/',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const so of scaledObjectsIn(ctx)) {
      const t = scaleTargetOf(so);
      if (t.group !== 'apps' || (t.kind !== 'Deployment' && t.kind !== 'StatefulSet')) continue;
      const triggers = triggersOf(so);
      if (triggers.length === 0 || !triggers.every(isCpuMemory)) continue;
      const min = num(obj(so.object.spec).minReplicaCount);
      if (min !== undefined && min !== 0) continue;
      out.push(
        finding(this, so, min === undefined ? ['spec'] : ['spec', 'minReplicaCount'], {
          message:
            "scaledobject has only cpu/memory triggers AND minReplica is 0 (scale to zero doesn't work in this case)",
          hint: 'set minReplicaCount: 1, or add a trigger that can activate from zero (prometheus, cron…)',
        }),
      );
    }
    return out;
  },
};
