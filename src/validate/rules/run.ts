import type { Diagnostic } from '../../model/diagnostic.js';
import { parsePath } from '../../model/diagnostic.js';
import type { SourceDoc } from '../../model/manifest.js';
import { createRuleContext } from './context.js';
import { entryOf, type Rule, type RuleOptions } from './rule.js';

export interface RunRulesOptions extends RuleOptions {
  /** Rules to run instead of the full list (for tests and `--rule`). */
  rules?: readonly Rule[];
  /** Codes to skip. */
  disable?: readonly string[];
}

/**
 * Runs rules over the documents and returns their findings, each with `resource`, `path` and,
 * when the document came from text, `file`/`line`/`column`. Sorted by file, line, column, code.
 * A rule that throws is a bug; it is reported as `internal/rule-failed` instead of being skipped silently.
 */
export function runRuleList(
  all: readonly Rule[],
  docs: readonly SourceDoc[],
  opts: RunRulesOptions = {},
): Diagnostic[] {
  const ctx = createRuleContext(docs, opts);
  const skip = new Set(opts.disable ?? []);
  const out: Diagnostic[] = [];
  for (const rule of opts.rules ?? all) {
    if (skip.has(rule.id)) continue;
    let found: Diagnostic[];
    try {
      found = rule.check(ctx);
    } catch (err) {
      out.push({
        code: 'internal/rule-failed',
        severity: 'error',
        message: `rule ${rule.id} failed: ${(err as Error).message}`,
        hint: 'this is a bug in traffic-engineer; please report it with the input',
      });
      continue;
    }
    for (const d of found) out.push(locate(d));
  }
  return out.sort(compareDiagnostics);
}

function locate(d: Diagnostic): Diagnostic {
  const doc = entryOf(d)?.doc;
  if (!doc) return d;
  if (doc.file && !d.file) d.file = doc.file;
  if (d.line === undefined) {
    const pos = doc.positionOf(d.path ? parsePath(d.path) : []);
    if (pos) {
      d.line = pos.line;
      d.column = pos.column;
    }
  }
  return d;
}

/** Stable order: file, line, column, code, message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    a.code.localeCompare(b.code) ||
    a.message.localeCompare(b.message)
  );
}
