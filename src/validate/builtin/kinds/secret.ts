import { dns1123SubdomainErrors } from '../../schema/k8s-names.js';
import type { BuiltinKind } from '../kind.js';
import { bool, resource, str, strMap } from '../openapi.js';
import { configKeyFindings } from './configmap.js';
import { tlsSecretFindings } from './tls-secret.js';

export const secretKind: BuiltinKind = {
  apiVersion: 'v1',
  kind: 'Secret',
  nameErrors: dns1123SubdomainErrors,
  schema: resource({
    type: str(),
    data: { type: 'object', additionalProperties: { type: 'string', format: 'byte' } },
    stringData: strMap(),
    immutable: bool(),
  }),
  check: (o, opts) => [
    ...configKeyFindings(o, ['data', 'stringData']),
    ...(o.type === 'kubernetes.io/tls' ? tlsSecretFindings(o, opts) : []),
  ],
};
