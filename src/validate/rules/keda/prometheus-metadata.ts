import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { parseFloatStrict } from '../util/data.js';
import { scaledObjectsIn, type Trigger, triggersOf } from '../util/keda.js';

const BOOLS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);

/** Metadata value as KEDA sees it (a string). */
export function metaValue(t: Trigger, key: string): string | undefined {
  const v = t.metadata[key];
  if (v === undefined || v === null) return undefined;
  return String(v);
}

/** Prometheus scaler metadata that KEDA rejects at reconcile time (Ready=False): required keys and numeric values. */
export const prometheusMetadata: Rule = {
  id: 'keda/prometheus-metadata',
  severity: 'error',
  docs: {
    description:
      'A prometheus trigger needs serverAddress, query and a numeric threshold > 0; activationThreshold must be numeric and boolean flags must parse. The webhook admits mistakes here; the ScaledObject then stays Ready=False.',
    url: 'https://keda.sh/docs/2.20/scalers/prometheus/',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const so of scaledObjectsIn(ctx)) {
      for (const t of triggersOf(so)) {
        if (t.type !== 'prometheus') continue;
        const path = ['spec', 'triggers', t.index, 'metadata'];
        const at = (key: string | undefined, message: string, hint?: string) =>
          out.push(
            finding(this, so, key ? [...path, key] : path, {
              message: `error parsing prometheus metadata: ${message}`,
              hint,
            }),
          );
        for (const key of ['serverAddress', 'query', 'threshold']) {
          const v = metaValue(t, key) ?? metaValue(t, `${key}FromEnv`);
          if (v === undefined || v === '')
            at(undefined, `missing required parameter "${key}" in [triggerMetadata]`, `add metadata.${key}`);
        }
        const threshold = metaValue(t, 'threshold');
        if (threshold !== undefined && threshold !== '') {
          const n = parseFloatStrict(threshold);
          if (n === undefined)
            at(
              'threshold',
              `unable to set param "threshold" value "${threshold}": not a number`,
              'use a number in quotes, e.g. threshold: "50"',
            );
          else if (!(n >= 0.0005) || !Number.isFinite(n)) {
            at(
              'threshold',
              `threshold "${threshold}" becomes an HPA target of ${Number.isFinite(n) ? n.toFixed(3) : n}, which the HPA API rejects (must be positive)`,
              'use a threshold of at least 0.001',
            );
          }
        }
        const act = metaValue(t, 'activationThreshold');
        if (act !== undefined && parseFloatStrict(act) === undefined) {
          at('activationThreshold', `unable to set param "activationThreshold" value "${act}": not a number`);
        }
        for (const key of ['ignoreNullValues', 'unsafeSsl']) {
          const v = metaValue(t, key);
          if (v !== undefined && !BOOLS.has(v))
            at(key, `unable to set param "${key}" value "${v}": not a boolean`, 'use "true" or "false"');
        }
        const server = metaValue(t, 'serverAddress');
        if (server && !/^https?:\/\/[^/\s]+/.test(server)) {
          at(
            'serverAddress',
            `serverAddress "${server}" is not an http(s) URL; the scaler requests <serverAddress>/api/v1/query`,
            'use e.g. http://prometheus.monitoring.svc:9090',
          );
        }
      }
    }
    return out;
  },
};
