import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { scaledObjectsIn, triggersOf } from '../util/keda.js';

/** Scalers that still read metadata.metricName. */
const STILL_USED = new Set(['aws-cloudwatch', 'huawei-cloudeye', 'azure-monitor']);

/** metadata.metricName has been ignored since KEDA 2.12. */
export const kedaMetricName: Rule = {
  id: 'lint/keda-metric-name',
  severity: 'warning',
  docs: {
    description:
      'metricName in trigger metadata was deprecated in KEDA 2.10 and removed in 2.12: it is silently ignored and the HPA metric is named s<index>-<scaler> anyway.',
    url: 'https://github.com/kedacore/keda/issues/4899',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const so of scaledObjectsIn(ctx)) {
      for (const t of triggersOf(so)) {
        if (t.metadata.metricName === undefined || STILL_USED.has(t.type)) continue;
        out.push(
          finding(this, so, ['spec', 'triggers', t.index, 'metadata', 'metricName'], {
            message: `metadata.metricName is ignored by the ${t.type} scaler since KEDA 2.12; the HPA metric is s${t.index}-${t.type} regardless`,
            hint: 'delete metricName; use the trigger `name` if you need to refer to it (scalingModifiers)',
          }),
        );
      }
    }
    return out;
  },
};
