import type { Diagnostic } from '../model/diagnostic.js';

/** One line per diagnostic for stderr: `file:line:col: severity code: message (hint)`. */
export function formatDiagnosticLines(diags: readonly Diagnostic[]): string {
  return diags
    .map((d) => {
      const loc = d.file ? `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}: ` : '';
      const res = d.resource
        ? `${d.resource.kind}${d.resource.name ? ` ${d.resource.namespace ? `${d.resource.namespace}/` : ''}${d.resource.name}` : ''} `
        : '';
      const path = d.path ? `${d.path}: ` : '';
      return `${loc}${d.severity} ${d.code}: ${res}${path}${d.message}${d.hint ? `\n    hint: ${d.hint}` : ''}\n`;
    })
    .join('');
}
