import { countBySeverity, type Diagnostic, type ResourceRef } from '../../model/diagnostic.js';
import type { SourceDoc } from '../../model/manifest.js';

export interface TextOptions {
  /** The validated documents: groups follow their order and the summary counts them. */
  docs?: readonly SourceDoc[];
}

const resourceKey = (r: ResourceRef | undefined) =>
  r ? `${r.kind}\u0000${r.namespace ?? ''}\u0000${r.name ?? ''}` : '';
const resourceLabel = (r: ResourceRef | undefined) =>
  r ? `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name ?? '<unnamed>'}` : '(input)';
const where = (d: Diagnostic) =>
  d.file ? `${d.file}${d.line !== undefined ? `:${d.line}:${d.column ?? 1}` : ''}` : '-';
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Human report: findings grouped by resource (in document order when `docs` is given), each line
 * `file:line:col  severity  code  message`, the hint below it, and a summary line.
 */
export function formatText(diags: readonly Diagnostic[], opts: TextOptions = {}): string {
  const order = new Map<string, number>();
  opts.docs?.forEach((d, i) => {
    const k = resourceKey({
      kind: d.object.kind,
      namespace: d.object.metadata?.namespace,
      name: d.object.metadata?.name,
    });
    if (!order.has(k)) order.set(k, i);
  });
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diags) {
    const k = resourceKey(d.resource);
    groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  const keys = [...groups.keys()].sort((a, b) => {
    const ia = order.get(a) ?? (a === '' ? -1 : Number.MAX_SAFE_INTEGER);
    const ib = order.get(b) ?? (b === '' ? -1 : Number.MAX_SAFE_INTEGER);
    return ia - ib || a.localeCompare(b);
  });
  const lines: string[] = [];
  for (const k of keys) {
    const list = groups.get(k) ?? [];
    const first = list[0];
    lines.push(`${resourceLabel(first.resource)}${first.file ? `  (${first.file})` : ''}`);
    const width = Math.max(...list.map((d) => where(d).length));
    for (const d of list) {
      const head = `  ${where(d).padEnd(width)}  ${d.severity.padEnd(7)}  ${d.code}`;
      lines.push(`${head}  ${d.message}${d.path ? `  [${d.path}]` : ''}`);
      if (d.hint) lines.push(`  ${' '.repeat(width)}  ${' '.repeat(7)}  hint: ${d.hint}`);
    }
    lines.push('');
  }
  lines.push(summaryLine(diags, opts.docs?.length));
  return `${lines.join('\n')}\n`;
}

/** `✖ 2 errors, 1 warning, 0 infos in 12 documents` (✔ when there are no errors). */
export function summaryLine(diags: readonly Diagnostic[], documents?: number): string {
  const c = countBySeverity(diags);
  const mark = c.errors > 0 ? '✖' : '✔';
  const docs = documents !== undefined ? ` in ${plural(documents, 'document')}` : '';
  return `${mark} ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.infos, 'info')}${docs}`;
}
