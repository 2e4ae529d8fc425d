/**
 * Problems are data. Every stage reports findings as Diagnostics with a stable `code`;
 * exceptions are kept for I/O failures and programmer errors.
 */
export type Severity = 'error' | 'warning' | 'info';

/** Identifies the Kubernetes object a finding is about. */
export interface ResourceRef {
  apiVersion?: string;
  kind: string;
  namespace?: string;
  name?: string;
}

export interface Diagnostic {
  /** Stable, documented code, `area/name` (for example `schema/unknown-field`, `lint/exact-star-header`). */
  code: string;
  severity: Severity;
  resource?: ResourceRef;
  /** Field path inside the resource or spec, dotted with [index]: `spec.listeners[1].tls`. */
  path?: string;
  message: string;
  /** How to fix it. */
  hint?: string;
  /** Source location, filled when the document came from a file or text. */
  file?: string;
  line?: number;
  column?: number;
}

export type PathSegment = string | number;

const SIMPLE_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `['spec', 'listeners', 1, 'tls']` → `spec.listeners[1].tls`; odd keys are quoted: `metadata.labels["a.b/c"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (SIMPLE_KEY.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** Inverse of formatPath. */
export function parsePath(path: string): PathSegment[] {
  const segs: PathSegment[] = [];
  const re = /([A-Za-z_$][A-Za-z0-9_$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const m of path.matchAll(re)) {
    if (m[1] !== undefined) segs.push(m[1]);
    else if (m[2] !== undefined) segs.push(Number(m[2]));
    else if (m[3] !== undefined) segs.push(JSON.parse(m[3]) as string);
  }
  return segs;
}

export function countBySeverity(diags: readonly Diagnostic[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of diags) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}
