import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { scaledObjectsIn, triggersOf } from '../util/keda.js';

/** KEDA W19: at least one trigger. */
export const noTriggers: Rule = {
  id: 'keda/no-triggers',
  severity: 'error',
  docs: {
    description: 'A ScaledObject needs at least one trigger.',
    url: 'https://keda.sh/docs/2.20/reference/scaledobject-spec/#triggers',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const so of scaledObjectsIn(ctx)) {
      if (triggersOf(so).length > 0) continue;
      out.push(
        finding(this, so, ['spec', 'triggers'], {
          message: 'no triggers defined in the ScaledObject/ScaledJob',
          hint: 'add a trigger (prometheus, cpu, cron…)',
        }),
      );
    }
    return out;
  },
};
