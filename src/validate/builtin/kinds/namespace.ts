import { dns1123LabelErrors } from '../../schema/k8s-names.js';
import type { BuiltinKind } from '../kind.js';
import { arr, obj, opaque, resource, str } from '../openapi.js';

export const namespaceKind: BuiltinKind = {
  apiVersion: 'v1',
  kind: 'Namespace',
  nameErrors: dns1123LabelErrors,
  schema: resource({ spec: obj({ finalizers: arr(str()) }), status: opaque() }),
};
