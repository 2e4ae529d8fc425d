import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { isObj, obj } from '../util/data.js';
import { scaledObjectsIn, triggersOf } from '../util/keda.js';

const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** ignoreNullValues (default true) without fallback: an empty result or a Prometheus outage reads as 0. */
export const prometheusNullAsZero: Rule = {
  id: 'lint/prometheus-null-as-zero',
  severity: 'warning',
  docs: {
    description:
      'With ignoreNullValues left at its default (true) an empty query result — a label typo, a renamed metric, a Prometheus outage — is read as 0 and the workload silently drops to minReplicaCount. Set ignoreNullValues: "false" and a fallback.',
    url: 'https://github.com/kedacore/keda/issues/3065',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const so of scaledObjectsIn(ctx)) {
      if (isObj(obj(so.object.spec).fallback)) continue;
      for (const t of triggersOf(so)) {
        if (t.type !== 'prometheus') continue;
        const v = t.metadata.ignoreNullValues;
        if (v !== undefined && FALSE.has(String(v))) continue;
        out.push(
          finding(this, so, ['spec', 'triggers', t.index, 'metadata'], {
            message: `ignoreNullValues is ${v === undefined ? 'unset (default true)' : String(v)} and there is no fallback: an empty result (label typo, missing metric, Prometheus down) is read as 0, so ${so.name} sits at its minimum replicas while READY stays True`,
            hint: 'set metadata.ignoreNullValues: "false" and spec.fallback: {failureThreshold: 3, replicas: <safe count>}',
          }),
        );
      }
    }
    return out;
  },
};
