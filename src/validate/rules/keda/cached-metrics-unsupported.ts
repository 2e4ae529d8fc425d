import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { scaledObjectsIn, triggersOf } from '../util/keda.js';

/** KEDA W20: useCachedMetrics is not allowed on cpu, memory or cron triggers. */
export const cachedMetricsUnsupported: Rule = {
  id: 'keda/cached-metrics-unsupported',
  severity: 'error',
  docs: { description: 'useCachedMetrics: true is rejected on cpu, memory and cron triggers.' },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const so of scaledObjectsIn(ctx)) {
      for (const t of triggersOf(so)) {
        if (t.raw.useCachedMetrics !== true || !['cpu', 'memory', 'cron'].includes(t.type)) continue;
        out.push(
          finding(this, so, ['spec', 'triggers', t.index, 'useCachedMetrics'], {
            message: `property "useCachedMetrics" is not supported for "${t.type}" scaler`,
            hint: 'remove useCachedMetrics from this trigger',
          }),
        );
      }
    }
    return out;
  },
};
