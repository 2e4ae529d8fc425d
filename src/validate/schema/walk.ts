import { didYouMean } from './did-you-mean.js';
import { jsonType, newState, pathText, report, valueText, type WalkState } from './findings.js';
import { checkListType } from './list-type.js';
import { checkObjectMeta } from './metadata.js';
import type { SchemaNode } from './node.js';
import { checkCount, checkEnum, checkNumber, checkString } from './scalar.js';

/** CEL view of a value the schema does not describe (preserve-unknown-fields): integers become CEL ints. */
export function rawToCel(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (Array.isArray(v)) return v.map(rawToCel);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = rawToCel((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

function typeMatches(node: SchemaNode, t: ReturnType<typeof jsonType>): boolean {
  if (node.intOrString) return t === 'integer' || t === 'string';
  if (!node.type) return true;
  return node.type === t || (node.type === 'number' && t === 'integer');
}

function typeLabel(node: SchemaNode): string {
  return node.intOrString ? 'integer,string' : (node.type ?? 'any');
}

/** Default values are shared by every document: give each its own copy. */
function cloneDefault(v: unknown): unknown {
  return v !== null && typeof v === 'object' ? structuredClone(v) : v;
}

/**
 * Validates `value` against `node` the way the API server does, and returns the CEL view
 * of the value (defaults applied, unknown fields pruned, property names escaped, integers as
 * bigint) when the node is under a CEL rule. CEL rules are queued in `st.tasks`.
 */
export function walk(node: SchemaNode, value: unknown, st: WalkState): unknown {
  const t = jsonType(value);
  if (t === 'null') {
    if (node.nullable || (!node.type && !node.intOrString)) return null;
    report(
      st,
      'schema/type',
      `Invalid value: "null": ${pathText(st.path)} in body must be of type ${typeLabel(node)}: "null"`,
      'remove the key or give it a value',
    );
    if (!st.light) st.blocking = true;
    return undefined;
  }
  if (node.objectMeta) return walkObjectMeta(node, value, st);
  if (!typeMatches(node, t)) {
    report(
      st,
      'schema/type',
      `Invalid value: "${t}": ${pathText(st.path)} in body must be of type ${typeLabel(node)}: "${t}"`,
      t === 'integer' || t === 'number' || t === 'boolean'
        ? `quote it if a ${node.type} is meant`
        : `use a value of type ${typeLabel(node)}`,
    );
    if (!st.light) st.blocking = true;
    return undefined;
  }
  if (node.enumKeys && !checkEnum(node, value, st) && !st.light) st.blocking = true;
  let view: unknown;
  switch (t) {
    case 'string':
      checkString(node, value as string, st);
      view = value;
      break;
    case 'integer':
    case 'number':
      checkNumber(node, value as number, st);
      view = t === 'integer' && node.type !== 'number' ? BigInt(value as number) : value;
      break;
    case 'boolean':
      view = value;
      break;
    case 'array':
      view = walkArray(node, value as unknown[], st);
      break;
    default:
      view = walkObject(node, value as Record<string, unknown>, st);
  }
  if (node.allOf || node.anyOf || node.oneOf || node.not) checkJunctors(node, value, st);
  if (node.rules && !st.light) {
    st.tasks.push({
      node,
      self: view,
      path: st.path.slice(),
      typeName: node.type ?? (node.intOrString ? 'string' : t),
    });
  }
  return node.celView ? view : undefined;
}

function walkArray(node: SchemaNode, arr: unknown[], st: WalkState): unknown[] | undefined {
  checkCount(node, arr.length, st, 'items');
  const view = node.celView ? new Array<unknown>(arr.length) : undefined;
  for (let i = 0; i < arr.length; i++) {
    st.path.push(i);
    const cv = node.items ? walk(node.items, arr[i], st) : view ? rawToCel(arr[i]) : undefined;
    if (view) view[i] = cv;
    st.path.pop();
  }
  if (node.listType && node.listType !== 'atomic') checkListType(node, arr, st);
  return view;
}

function walkObject(
  node: SchemaNode,
  obj: Record<string, unknown>,
  st: WalkState,
): Record<string, unknown> | undefined {
  const view: Record<string, unknown> | undefined = node.celView ? {} : undefined;
  const props = node.properties;
  let count = 0;
  for (const key of Object.keys(obj)) {
    count++;
    const v = obj[key];
    const child = props?.get(key);
    if (child) {
      if (child.ignored) continue;
      // The API server prunes nulls of non-nullable fields (then applies defaults and `required`).
      if (v === null && !child.nullable) continue;
      st.path.push(key);
      const cv = walk(child, v, st);
      if (view && cv !== undefined) view[node.celNames?.get(key) ?? key] = cv;
      st.path.pop();
    } else if (node.additional) {
      st.path.push(key);
      const cv = walk(node.additional, v, st);
      if (view && cv !== undefined) view[key] = cv;
      st.path.pop();
    } else if (
      node.additionalAny ||
      node.preserveUnknown ||
      (node.embedded && (key === 'apiVersion' || key === 'kind'))
    ) {
      if (view) view[key] = rawToCel(v);
    } else if (!st.light) {
      const s = props ? didYouMean(key, props.keys()) : undefined;
      const path = [...st.path, key];
      st.findings.push({
        code: 'schema/unknown-field',
        severity: 'error',
        path,
        message: `unknown field "${pathText(path)}"`,
        hint: s
          ? `did you mean "${s}"? (field not declared in schema)`
          : `remove it: the schema declares no such field${props ? ` (known: ${[...props.keys()].join(', ')})` : ''}`,
      });
    }
  }
  if (props && !st.light) {
    for (const [key, child] of props) {
      if (!child.hasDefault || child.ignored) continue;
      const v = obj[key];
      if (v !== undefined && !(v === null && !child.nullable)) continue;
      st.path.push(key);
      const cv = walk(child, cloneDefault(child.default), st);
      if (view && cv !== undefined) view[node.celNames?.get(key) ?? key] = cv;
      st.path.pop();
    }
  }
  if (node.required) {
    for (const r of node.required) {
      const v = obj[r];
      if (v !== undefined && !(v === null && props?.get(r)?.nullable === false)) continue;
      if (!st.light && props?.get(r)?.hasDefault) continue;
      report(st, 'schema/required', 'Required value', `add "${r}"`, r);
    }
  }
  if (node.minProperties !== undefined || node.maxProperties !== undefined) checkCount(node, count, st, 'properties');
  if (node.embedded && !st.light) {
    for (const k of ['apiVersion', 'kind']) {
      if (typeof obj[k] !== 'string' || obj[k] === '')
        report(st, 'schema/required', 'Required value: must not be empty', `an embedded resource needs ${k}`, k);
    }
  }
  return view;
}

function walkObjectMeta(node: SchemaNode, value: unknown, st: WalkState): unknown {
  const view = checkObjectMeta(value, st, { requireName: st.path.length === 1, nameErrors: node.nameErrors });
  if (value && typeof value === 'object' && !Array.isArray(value) && node.properties) {
    for (const [key, child] of node.properties) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined || child.objectMeta) continue;
      st.path.push(key);
      walk(child, v, st);
      st.path.pop();
    }
  }
  return node.celView ? view : undefined;
}

function branchErrors(sub: SchemaNode, value: unknown, st: WalkState): string[] {
  const s = newState(true, st.path);
  walk(sub, value, s);
  return s.findings.map((f) => f.message);
}

/** allOf / anyOf / oneOf / not, as value validations (structural schemas allow no types there). */
function checkJunctors(node: SchemaNode, value: unknown, st: WalkState): void {
  const p = pathText(st.path);
  if (node.allOf) {
    for (const sub of node.allOf) {
      const s = newState(true, st.path);
      walk(sub, value, s);
      st.findings.push(...s.findings);
    }
  }
  if (node.anyOf) {
    const results = node.anyOf.map((sub) => branchErrors(sub, value, st));
    if (results.every((r) => r.length > 0)) {
      report(
        st,
        'schema/combinator',
        `Invalid value: ${valueText(value)}: ${p} in body must validate at least one schema (anyOf): ${results.flat()[0]}`,
      );
    }
  }
  if (node.oneOf) {
    const ok = node.oneOf.filter((sub) => branchErrors(sub, value, st).length === 0).length;
    if (ok !== 1) {
      report(
        st,
        'schema/combinator',
        `Invalid value: ${valueText(value)}: ${p} in body must validate one and only one schema (oneOf). Found ${ok} valid alternatives`,
        ok === 0 ? 'set exactly one of the alternative fields' : 'set only one of the alternative fields',
      );
    }
  }
  if (node.not && branchErrors(node.not, value, st).length === 0) {
    report(
      st,
      'schema/combinator',
      `Invalid value: ${valueText(value)}: ${p} in body must not validate the schema (not)`,
    );
  }
}
