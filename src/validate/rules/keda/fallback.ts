import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { isObj, num, obj } from '../util/data.js';
import { isCpuMemory, scaledObjectsIn, triggersOf } from '../util/keda.js';

/** KEDA webhook W11/W12: fallback bounds, and fallback needs a trigger that is not cpu/memory. */
export const fallback: Rule = {
  id: 'keda/fallback',
  severity: 'error',
  docs: {
    description:
      'fallback.failureThreshold and fallback.replicas must be ≥ 0, and without scalingModifiers a fallback needs at least one trigger that is not cpu or memory (KEDA v2.20 webhook).',
    url: 'https://keda.sh/docs/2.20/reference/scaledobject-spec/#fallback',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const so of scaledObjectsIn(ctx)) {
      const spec = obj(so.object.spec);
      if (!isObj(spec.fallback)) continue;
      const fb = spec.fallback;
      const ft = num(fb.failureThreshold) ?? 0;
      const rep = num(fb.replicas) ?? 0;
      if (ft < 0 || rep < 0) {
        out.push(
          finding(this, so, ['spec', 'fallback'], {
            message: `FailureThreshold=${ft} & Replicas=${rep} must both be greater than or equal to 0`,
          }),
        );
      }
      const modifiers = obj(obj(spec.advanced).scalingModifiers);
      if (Object.keys(modifiers).length > 0) continue;
      if (triggersOf(so).some((t) => !isCpuMemory(t))) continue;
      out.push(
        finding(this, so, ['spec', 'fallback'], {
          message:
            'at least one trigger (that is not cpu or memory) has to have the `AverageValue` type for the fallback to be enabled',
          hint: 'fallback only covers external scalers (prometheus, cron…); remove it or add such a trigger',
        }),
      );
    }
    return out;
  },
};
