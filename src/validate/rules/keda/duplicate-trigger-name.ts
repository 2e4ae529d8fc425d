import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { scaledObjectsIn, triggersOf } from '../util/keda.js';

/** KEDA W21: non-empty trigger names are unique. */
export const duplicateTriggerName: Rule = {
  id: 'keda/duplicate-trigger-name',
  severity: 'error',
  docs: { description: 'Trigger names, when set, must be unique within a ScaledObject.' },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const so of scaledObjectsIn(ctx)) {
      const seen = new Set<string>();
      for (const t of triggersOf(so)) {
        if (!t.name) continue;
        if (seen.has(t.name)) {
          out.push(
            finding(this, so, ['spec', 'triggers', t.index, 'name'], {
              message: `triggerName "${t.name}" is defined multiple times in the ScaledObject/ScaledJob, but it must be unique`,
              hint: 'rename one of the triggers',
            }),
          );
        }
        seen.add(t.name);
      }
    }
    return out;
  },
};
