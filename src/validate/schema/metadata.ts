import { didYouMean } from './did-you-mean.js';
import { jsonType, pathText, report, valueText, type WalkState } from './findings.js';
import { dns1123LabelErrors, dns1123SubdomainErrors, labelValueErrors, qualifiedNameErrors } from './k8s-names.js';

export const OBJECT_META_FIELDS = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
];
const KNOWN = new Set(OBJECT_META_FIELDS);
const MAX_ANNOTATIONS_BYTES = 256 * 1024;

export interface ObjectMetaOptions {
  /** Name check; custom resources use RFC 1123 subdomains. */
  nameErrors?: (name: string) => string[];
  /** Whether a name (or generateName) is required. */
  requireName?: boolean;
}

function stringMap(
  st: WalkState,
  field: string,
  v: unknown,
  keyCheck: boolean,
  valueCheck?: (s: string) => string[],
): number {
  st.path.push(field);
  let bytes = 0;
  if (v !== undefined && v !== null) {
    if (typeof v !== 'object' || Array.isArray(v)) {
      report(st, 'schema/type', `Invalid value: ${valueText(v)}: must be a map of string to string`);
    } else {
      for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
        bytes += k.length + (typeof val === 'string' ? val.length : 0);
        if (keyCheck) {
          for (const e of qualifiedNameErrors(k))
            report(st, 'schema/metadata', `Invalid value: ${JSON.stringify(k)}: ${e}`, undefined, k);
        }
        if (typeof val !== 'string') {
          report(
            st,
            'schema/type',
            `Invalid value: ${valueText(val)}: must be of type string: "${jsonType(val)}"`,
            'quote the value in YAML',
            k,
          );
        } else if (valueCheck) {
          for (const e of valueCheck(val))
            report(st, 'schema/metadata', `Invalid value: ${JSON.stringify(val)}: ${e}`, undefined, k);
        }
      }
    }
  }
  st.path.pop();
  return bytes;
}

/**
 * ObjectMeta checks the API server applies to every object: name present and well-formed,
 * namespace a DNS label, label/annotation keys and values, no unknown fields.
 * Returns the CEL view of metadata (`name` and `generateName` only, as Kubernetes exposes).
 */
export function checkObjectMeta(meta: unknown, st: WalkState, opts: ObjectMetaOptions = {}): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  const requireName = opts.requireName ?? true;
  if (meta === undefined || meta === null) {
    if (requireName)
      report(st, 'schema/required', 'Required value: name or generateName is required', 'set metadata.name', 'name');
    return view;
  }
  if (typeof meta !== 'object' || Array.isArray(meta)) {
    report(st, 'schema/type', `Invalid value: ${valueText(meta)}: must be of type object: "${jsonType(meta)}"`);
    st.blocking = true;
    return view;
  }
  const m = meta as Record<string, unknown>;
  for (const k of Object.keys(m)) {
    if (KNOWN.has(k)) continue;
    const s = didYouMean(k, OBJECT_META_FIELDS);
    const path = [...st.path, k];
    st.findings.push({
      code: 'schema/unknown-field',
      severity: 'error',
      path,
      message: `unknown field "${pathText(path)}"`,
      hint: s ? `did you mean "${s}"?` : 'remove it: ObjectMeta has no such field',
    });
  }
  const { name, generateName, namespace } = m;
  if (name === undefined || name === '') {
    if (requireName && (generateName === undefined || generateName === '')) {
      report(st, 'schema/required', 'Required value: name or generateName is required', 'set metadata.name', 'name');
    }
  } else if (typeof name !== 'string') {
    report(
      st,
      'schema/type',
      `Invalid value: ${valueText(name)}: must be of type string: "${jsonType(name)}"`,
      undefined,
      'name',
    );
  } else {
    view.name = name;
    for (const e of (opts.nameErrors ?? dns1123SubdomainErrors)(name)) {
      report(
        st,
        'schema/metadata',
        `Invalid value: ${JSON.stringify(name)}: ${e}`,
        'use lower-case letters, digits, "-" and "."',
        'name',
      );
    }
  }
  if (typeof generateName === 'string') view.generateName = generateName;
  if (namespace !== undefined) {
    if (typeof namespace !== 'string') {
      report(
        st,
        'schema/type',
        `Invalid value: ${valueText(namespace)}: must be of type string: "${jsonType(namespace)}"`,
        undefined,
        'namespace',
      );
    } else {
      for (const e of dns1123LabelErrors(namespace)) {
        report(
          st,
          'schema/metadata',
          `Invalid value: ${JSON.stringify(namespace)}: ${e}`,
          'namespaces are RFC 1123 labels',
          'namespace',
        );
      }
    }
  }
  stringMap(st, 'labels', m.labels, true, labelValueErrors);
  const bytes = stringMap(st, 'annotations', m.annotations, true);
  if (bytes > MAX_ANNOTATIONS_BYTES) {
    report(
      st,
      'schema/min-max',
      `Too long: must have at most ${MAX_ANNOTATIONS_BYTES} bytes`,
      'move large data out of annotations',
      'annotations',
    );
  }
  return view;
}
