import type { Manifest } from '../../../model/manifest.js';
import type { Finding } from '../../schema/findings.js';
import { dns1123SubdomainErrors } from '../../schema/k8s-names.js';
import type { BuiltinKind } from '../kind.js';
import { bool, resource, strMap } from '../openapi.js';

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Keys of ConfigMap/Secret data: `[-._a-zA-Z0-9]+`, at most 253 characters, not `.` or `..`. */
export function configKeyFindings(object: Manifest, fields: readonly string[]): Finding[] {
  const out: Finding[] = [];
  let bytes = 0;
  for (const f of fields) {
    const m = object[f];
    if (!m || typeof m !== 'object') continue;
    for (const [k, v] of Object.entries(m as Record<string, unknown>)) {
      bytes += typeof v === 'string' ? v.length : 0;
      if (!CONFIG_KEY.test(k) || k.length > 253 || k === '.' || k === '..') {
        out.push({
          code: 'schema/metadata',
          severity: 'error',
          path: [f, k],
          message: `${f}[${JSON.stringify(k)}]: Invalid value: ${JSON.stringify(k)}: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
          hint: 'rename the key',
        });
      }
    }
  }
  if (bytes > MAX_CONFIG_BYTES) {
    out.push({
      code: 'schema/min-max',
      severity: 'error',
      path: [],
      message: `Too long: must have at most ${MAX_CONFIG_BYTES} bytes`,
      hint: 'split the data over several objects or mount it from elsewhere',
    });
  }
  return out;
}

export const configMapKind: BuiltinKind = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  nameErrors: dns1123SubdomainErrors,
  schema: resource({
    data: strMap(),
    binaryData: { type: 'object', additionalProperties: { type: 'string', format: 'byte' } },
    immutable: bool(),
  }),
  check: (o) => configKeyFindings(o, ['data', 'binaryData']),
};
