import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import { parseManifestStream } from '../../../src/model/load-yaml.js';
import type { Manifest } from '../../../src/model/manifest.js';
import type { Rule } from '../../../src/validate/rules/index.js';
import { type RunRulesOptions, runRuleList } from '../../../src/validate/rules/index.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'validate-rules');

/** A fixture file's text. */
export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Runs one rule over a YAML stream (parse errors fail the test). */
export function runOne(rule: Rule, yaml: string, opts: RunRulesOptions = {}): Diagnostic[] {
  const parsed = parseManifestStream(yaml, 'test.yaml');
  if (parsed.diagnostics.length > 0) throw new Error(`bad test YAML: ${parsed.diagnostics[0].message}`);
  return runRuleList([rule], parsed.docs, opts);
}

/** `code:severity@path` of each finding: what the tables assert (never the English message). */
export function findings(rule: Rule, yaml: string, opts: RunRulesOptions = {}): string[] {
  return runOne(rule, yaml, opts).map((d) => `${d.code}:${d.severity}@${d.path}`);
}

/** Parses YAML documents into plain manifests (for clusterObjects). */
export function manifests(yaml: string): Manifest[] {
  return parseManifestStream(yaml, 'cluster.yaml').docs.map((d) => d.object);
}
