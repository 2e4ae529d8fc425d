/**
 * Report formats for validation findings: text for humans, JSON for machines, SARIF 2.1.0 for code scanning,
 * and the exit-code convention shared by the CLI.
 */
import { type Diagnostic, hasErrors } from '../../model/diagnostic.js';

/** Process exit code for a validation result: 0 when there is no error (warnings allowed), 1 otherwise. */
export function exitCodeFor(diags: readonly Diagnostic[]): 0 | 1 {
  return hasErrors(diags) ? 1 : 0;
}

export { formatJson, type JsonDiagnostic, type JsonReport, toJsonReport } from './json.js';
export { formatSarif, type SarifOptions, type SarifRuleInfo, toSarif } from './sarif.js';
export { formatText, summaryLine, type TextOptions } from './text.js';
