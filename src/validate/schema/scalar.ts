import { pathText, report, valueText, type WalkState } from './findings.js';
import { checkFormat } from './formats.js';
import type { SchemaNode } from './node.js';

function charCount(s: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII fast path
  return /^[\x00-\x7f]*$/.test(s) ? s.length : [...s].length;
}

/** String constraints: length, pattern, format. */
export function checkString(node: SchemaNode, s: string, st: WalkState): void {
  const p = pathText(st.path);
  if (node.maxLength !== undefined && s.length > node.maxLength && charCount(s) > node.maxLength) {
    report(
      st,
      'schema/min-max',
      `Too long: may not be more than ${node.maxLength} bytes`,
      `shorten the value to at most ${node.maxLength} characters`,
    );
  }
  if (node.minLength !== undefined && charCount(s) < node.minLength) {
    report(
      st,
      'schema/min-max',
      `Invalid value: ${valueText(s)}: ${p} in body should be at least ${node.minLength} chars long`,
      node.minLength === 1 ? 'the value must not be empty' : `use at least ${node.minLength} characters`,
    );
  }
  if (node.pattern && !node.pattern.test(s)) {
    report(
      st,
      'schema/pattern',
      `Invalid value: ${valueText(s)}: ${p} in body should match '${node.patternSource}'`,
      `the value must match the regular expression ${node.patternSource}`,
    );
  }
  if (node.format && checkFormat(node.format, s) === false) {
    report(
      st,
      'schema/format',
      `Invalid value: ${valueText(s)}: ${p} in body must be of type ${node.format}: ${valueText(s)}`,
      `use a valid ${node.format} value`,
    );
  }
}

/** Numeric constraints: minimum/maximum (exclusive or not), multipleOf. */
export function checkNumber(node: SchemaNode, n: number, st: WalkState): void {
  const p = pathText(st.path);
  if (node.minimum !== undefined && (node.exclusiveMinimum ? n <= node.minimum : n < node.minimum)) {
    const rel = node.exclusiveMinimum ? 'greater than' : 'greater than or equal to';
    report(
      st,
      'schema/min-max',
      `Invalid value: ${n}: ${p} in body should be ${rel} ${node.minimum}`,
      `use a value ${rel} ${node.minimum}`,
    );
  }
  if (node.maximum !== undefined && (node.exclusiveMaximum ? n >= node.maximum : n > node.maximum)) {
    const rel = node.exclusiveMaximum ? 'less than' : 'less than or equal to';
    report(
      st,
      'schema/min-max',
      `Invalid value: ${n}: ${p} in body should be ${rel} ${node.maximum}`,
      `use a value ${rel} ${node.maximum}`,
    );
  }
  if (node.multipleOf !== undefined && node.multipleOf > 0 && !Number.isInteger(n / node.multipleOf)) {
    report(st, 'schema/min-max', `Invalid value: ${n}: ${p} in body should be a multiple of ${node.multipleOf}`);
  }
}

/** minItems/maxItems and minProperties/maxProperties. */
export function checkCount(node: SchemaNode, count: number, st: WalkState, what: 'items' | 'properties'): void {
  const p = pathText(st.path);
  const max = what === 'items' ? node.maxItems : node.maxProperties;
  const min = what === 'items' ? node.minItems : node.minProperties;
  if (max !== undefined && count > max) {
    report(
      st,
      'schema/min-max',
      `Too many: ${count}: must have at most ${max} ${what}`,
      `remove ${count - max} of them`,
    );
  }
  if (min !== undefined && count < min) {
    report(
      st,
      'schema/min-max',
      `Invalid value: ${count}: ${p} in body should have at least ${min} ${what}`,
      `add at least ${min - count}`,
    );
  }
}

/** Enum membership. Returns false when the value is not allowed. */
export function checkEnum(node: SchemaNode, v: unknown, st: WalkState): boolean {
  if (!node.enumKeys || node.enumKeys.has(JSON.stringify(v))) return true;
  report(
    st,
    'schema/enum',
    `Unsupported value: ${valueText(v)}: supported values: ${node.enumText}`,
    `use one of ${node.enumText}`,
  );
  return false;
}
