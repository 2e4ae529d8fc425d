import { countBySeverity, type Diagnostic, type Severity } from '../../model/diagnostic.js';

export interface JsonDiagnostic {
  code: string;
  severity: Severity;
  resource: { apiVersion?: string; kind?: string; namespace?: string; name?: string };
  path?: string;
  file?: string;
  line?: number;
  column?: number;
  message: string;
  hint?: string;
}

export interface JsonReport {
  diagnostics: JsonDiagnostic[];
  summary: { errors: number; warnings: number; infos: number };
}

/** The machine report as data: `{diagnostics: [...], summary: {errors, warnings, infos}}`. */
export function toJsonReport(diags: readonly Diagnostic[]): JsonReport {
  const c = countBySeverity(diags);
  return {
    diagnostics: diags.map((d) => ({
      code: d.code,
      severity: d.severity,
      resource: {
        apiVersion: d.resource?.apiVersion,
        kind: d.resource?.kind,
        namespace: d.resource?.namespace,
        name: d.resource?.name,
      },
      path: d.path,
      file: d.file,
      line: d.line,
      column: d.column,
      message: d.message,
      hint: d.hint,
    })),
    summary: { errors: c.errors, warnings: c.warnings, infos: c.infos },
  };
}

/** The machine report as pretty-printed JSON text (undefined fields are omitted). */
export function formatJson(diags: readonly Diagnostic[]): string {
  return `${JSON.stringify(toJsonReport(diags), null, 2)}\n`;
}
