import { type Diagnostic, formatPath, type PathSegment } from '../model/diagnostic.js';
import { refOf, type SourceDoc } from '../model/manifest.js';
import type { ApiFailure } from './api-status.js';

/**
 * Parses a Kubernetes field path (`spec.rules[0].matches[0].path.type`, `metadata.labels[app.kubernetes.io/name]`)
 * into segments. Brackets holding digits are list indexes; other brackets are map keys.
 */
export function parseK8sFieldPath(field: string): PathSegment[] {
  const segs: PathSegment[] = [];
  for (const m of field.matchAll(/\[([^\]]*)\]|([^.[\]]+)/g)) {
    if (m[1] !== undefined) segs.push(/^\d+$/.test(m[1]) ? Number(m[1]) : m[1]);
    else if (m[2] !== undefined) segs.push(m[2]);
  }
  return segs;
}

/** Hides quoted values in messages about Secrets (`Invalid value: "…"`), so Secret data is never printed. */
function redact(doc: SourceDoc, text: string): string {
  if (doc.object.kind !== 'Secret') return text;
  return text.replace(/(value: )"(?:[^"\\]|\\.)*"/gi, '$1"<redacted>"');
}

/** Maps an API error to Diagnostics on the document (file, line, column) and field path it is about. */
export function failureToDiagnostics(failure: ApiFailure, doc: SourceDoc, code = 'cluster/rejected'): Diagnostic[] {
  const base = { code, severity: 'error' as const, resource: refOf(doc.object), file: doc.file };
  const at = (segs: PathSegment[]) => {
    const pos = doc.positionOf(segs);
    return pos ? { line: pos.line, column: pos.column } : {};
  };
  const causes = failure.causes.filter((c) => c.message || c.field);
  if (causes.length === 0) {
    return [{ ...base, ...at([]), message: `${failure.reason} (${failure.status}): ${redact(doc, failure.message)}` }];
  }
  return causes.map((c) => {
    const segs = c.field && c.field !== '<nil>' ? parseK8sFieldPath(c.field) : [];
    const path = segs.length ? formatPath(segs) : undefined;
    const reason = c.reason ? ` [${c.reason}]` : '';
    return {
      ...base,
      ...(path ? { path } : {}),
      ...at(segs),
      message: `${redact(doc, c.message ?? failure.message)}${reason}`,
    };
  });
}
