import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { scaledObjectsIn, triggersOf } from '../util/keda.js';
import { analyzePromql } from '../util/promql.js';
import { metaValue } from './prometheus-metadata.js';

/** The prometheus trigger query parses as PromQL (Prometheus's own lezer grammar). */
export const promqlSyntax: Rule = {
  id: 'keda/promql-syntax',
  severity: 'error',
  docs: {
    description:
      'A prometheus trigger query must be valid PromQL; Prometheus answers 400 to a malformed one and the scaler errors on every poll (Ready=False/TriggerError).',
    url: 'https://prometheus.io/docs/prometheus/latest/querying/basics/',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const so of scaledObjectsIn(ctx)) {
      for (const t of triggersOf(so)) {
        const q = t.type === 'prometheus' ? metaValue(t, 'query') : undefined;
        if (!q) continue;
        const { error } = analyzePromql(q);
        if (!error) continue;
        out.push(
          finding(this, so, ['spec', 'triggers', t.index, 'metadata', 'query'], {
            message: `query is not valid PromQL: ${error.message}`,
            hint: 'try the query in the Prometheus UI; check brackets, quotes and the range selector',
          }),
        );
      }
    }
    return out;
  },
};
