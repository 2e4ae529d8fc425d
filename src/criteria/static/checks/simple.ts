/** Dry-run and manual checks: decided live (or by a schema-validation hook), or by a person. */
import type { DryRunCheck, ManualCheck } from '../../../spec/checks.js';
import type { StaticContext } from '../context.js';
import type { StaticCheckResult } from '../types.js';

export function checkDryRun(ctx: StaticContext, c: DryRunCheck): StaticCheckResult {
  const base = { kind: 'dry-run', expected: { accepted: true, mode: c.mode }, raw: c.raw };
  const files = c.files.length ? c.files.join(', ') : 'the stack';
  if (!ctx.opts.validate)
    return {
      ...base,
      verdict: 'needs-live',
      predicted: null,
      explanation: `a ${c.mode}-side dry run of ${files} needs the API server (and its webhooks); no schema validation was given to this check`,
    };
  const v = ctx.opts.validate(ctx.manifests);
  return {
    ...base,
    verdict: v.ok ? 'proved' : 'violated',
    predicted: { accepted: v.ok },
    explanation: `schema validation of the stack (standing in for ${files}): ${v.summary}`,
  };
}

export function checkManual(c: ManualCheck): StaticCheckResult {
  return {
    kind: 'manual',
    verdict: 'manual',
    expected: c.expected ?? null,
    predicted: null,
    explanation: `not parsed${c.reason ? ` (${c.reason})` : ''}: run \`${c.command}\` by hand`,
    raw: c.command,
  };
}
