import { formatPath, type PathSegment, type Severity } from '../../model/diagnostic.js';
import type { SchemaNode } from './node.js';

/** A finding before it is tied to a resource and a source position. */
export interface Finding {
  code: string;
  severity: Severity;
  path: PathSegment[];
  message: string;
  hint?: string;
}

/** A CEL rule set to evaluate once the structural walk is done. */
export interface CelTask {
  node: SchemaNode;
  self: unknown;
  path: PathSegment[];
  /** The schema type name the API server prints in `Invalid value: "<type>"`. */
  typeName: string;
}

export interface WalkState {
  findings: Finding[];
  tasks: CelTask[];
  path: PathSegment[];
  /** An error that makes the API server skip CEL rules (wrong type, unsupported enum value). */
  blocking: boolean;
  /** Value-validation only (allOf/anyOf/oneOf/not branches): no unknown fields, defaults or CEL. */
  light: boolean;
}

export function newState(light = false, path: PathSegment[] = []): WalkState {
  return { findings: [], tasks: [], path, blocking: false, light };
}

/** `spec.x` for messages; the API server prints `<nil>` for the root, we print nothing. */
export function pathText(path: readonly PathSegment[]): string {
  return formatPath(path);
}

/** How the API server renders a value in `Invalid value: ...`. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return '"null"';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return Array.isArray(v) ? '"array"' : '"object"';
}

/** JSON type name of a YAML value as the API server reports it. */
export function jsonType(v: unknown): 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object' {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isInteger(v) ? 'integer' : 'number';
    case 'bigint':
      return 'integer';
    case 'string':
      return 'string';
    default:
      return Array.isArray(v) ? 'array' : 'object';
  }
}

export function report(
  st: WalkState,
  code: string,
  message: string,
  hint?: string,
  extra?: PathSegment,
  severity: Severity = 'error',
): void {
  const path = extra === undefined ? st.path.slice() : [...st.path, extra];
  const p = pathText(path);
  st.findings.push({ code, severity, path, message: p ? `${p}: ${message}` : message, hint });
}
