import type { Diagnostic, Severity } from '../../model/diagnostic.js';
import { allRules } from '../rules/index.js';

/** What SARIF needs to describe a rule. */
export interface SarifRuleInfo {
  id: string;
  severity: Severity;
  docs: { description: string; url?: string };
}

export interface SarifOptions {
  toolVersion: string;
  /** Rule metadata; defaults to every rule of src/validate/rules. Codes found only in results get a minimal entry. */
  rules?: readonly SarifRuleInfo[];
  /** Tool home page. */
  informationUri?: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF artifact URI for a file name: relative paths stay relative (forward slashes), pseudo files have none. */
function uriOf(file: string | undefined): string | undefined {
  if (!file || file.startsWith('<')) return undefined;
  const f = file.replace(/\\/g, '/');
  return f.startsWith('/') ? `file://${encodeURI(f)}` : encodeURI(f);
}

/** SARIF 2.1.0 log with one run: driver rules from the rule docs, one result per diagnostic. */
export function toSarif(diags: readonly Diagnostic[], opts: SarifOptions): Record<string, unknown> {
  const known = [...(opts.rules ?? allRules)];
  const ids = new Set(known.map((r) => r.id));
  for (const d of diags) {
    if (ids.has(d.code)) continue;
    ids.add(d.code);
    known.push({ id: d.code, severity: d.severity, docs: { description: d.code } });
  }
  const index = new Map(known.map((r, i) => [r.id, i]));
  const rules = known.map((r) => ({
    id: r.id,
    name: r.id.replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: r.docs.description.split(/(?<=\.)\s/)[0] },
    fullDescription: { text: r.docs.description },
    ...(r.docs.url ? { helpUri: r.docs.url } : {}),
    defaultConfiguration: { level: LEVEL[r.severity] },
  }));
  const results = diags.map((d) => {
    const uri = uriOf(d.file);
    const logical = d.resource
      ? [
          {
            fullyQualifiedName: `${d.resource.kind}/${d.resource.namespace ?? ''}/${d.resource.name ?? ''}${d.path ? `#${d.path}` : ''}`,
            kind: 'object',
          },
        ]
      : undefined;
    const physical = uri
      ? {
          artifactLocation: { uri },
          ...(d.line !== undefined
            ? { region: { startLine: Math.max(1, d.line), startColumn: Math.max(1, d.column ?? 1) } }
            : {}),
        }
      : undefined;
    const location = {
      ...(physical ? { physicalLocation: physical } : {}),
      ...(logical ? { logicalLocations: logical } : {}),
    };
    return {
      ruleId: d.code,
      ruleIndex: index.get(d.code),
      level: LEVEL[d.severity],
      message: { text: d.hint ? `${d.message}\nFix: ${d.hint}` : d.message },
      locations: Object.keys(location).length > 0 ? [location] : [],
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'traffic-engineer',
            version: opts.toolVersion,
            ...(opts.informationUri ? { informationUri: opts.informationUri } : {}),
            rules,
          },
        },
        results,
      },
    ],
  };
}

/** SARIF 2.1.0 as JSON text, for GitHub code scanning and other SARIF consumers. */
export function formatSarif(diags: readonly Diagnostic[], opts: SarifOptions): string {
  return `${JSON.stringify(toSarif(diags, opts), null, 2)}\n`;
}
