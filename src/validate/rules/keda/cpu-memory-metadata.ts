import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { str } from '../util/data.js';
import { isCpuMemory, scaledObjectsIn, triggersOf } from '../util/keda.js';
import { positiveQuantity } from './cpu-memory-requests.js';
import { metaValue } from './prometheus-metadata.js';

/** cpu/memory scaler: metadata.value present; metricType set on the trigger (not in metadata); no removed metadata.type. */
export const cpuMemoryMetadata: Rule = {
  id: 'keda/cpu-memory-metadata',
  severity: 'error',
  docs: {
    description:
      'A cpu/memory trigger needs metadata.value and a trigger-level metricType (Utilization with an integer percent, or AverageValue with a quantity); metadata.type was removed in KEDA 2.18.',
    url: 'https://keda.sh/docs/2.20/scalers/cpu/',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const so of scaledObjectsIn(ctx)) {
      for (const t of triggersOf(so).filter(isCpuMemory)) {
        const path = ['spec', 'triggers', t.index];
        const at = (p: string[], message: string, hint?: string) =>
          out.push(finding(this, so, [...path, ...p], { message, hint }));
        const value = metaValue(t, 'value');
        if (value === undefined || value === '')
          at(
            ['metadata'],
            `missing required parameter "value" in [triggerMetadata]`,
            'add metadata.value, e.g. "70" with metricType Utilization',
          );
        if (metaValue(t, 'type') !== undefined) {
          at(
            ['metadata', 'type'],
            `scaler ${t.type} info: The 'type' setting is DEPRECATED and is removed in v2.18 - Use 'metricType' instead.`,
            'move it to the trigger: metricType: Utilization',
          );
        }
        const metricType = str(t.raw.metricType);
        const inMeta = metaValue(t, 'metricType');
        if (!metricType) {
          at(
            inMeta !== undefined ? ['metadata', 'metricType'] : [],
            `unknown metric type: , allowed values are 'Utilization' or 'AverageValue'`,
            inMeta !== undefined
              ? `metricType belongs on the trigger, not in metadata: move "metricType: ${inMeta}" up one level`
              : 'set metricType: Utilization (or AverageValue) on the trigger',
          );
        } else if (metricType !== 'Utilization' && metricType !== 'AverageValue') {
          at(['metricType'], `unknown metric type: ${metricType}, allowed values are 'Utilization' or 'AverageValue'`);
        } else if (value) {
          if (metricType === 'Utilization' && !/^\d+$/.test(value.trim()))
            at(['metadata', 'value'], `value "${value}" must be an integer percent with metricType Utilization`);
          if (metricType === 'AverageValue' && !positiveQuantity(value))
            at(['metadata', 'value'], `value "${value}" is not a positive quantity (AverageValue)`);
        }
      }
    }
    return out;
  },
};
