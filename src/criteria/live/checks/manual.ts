import type { ManualCheck } from '../../../spec/checks.js';
import type { Outcome } from '../context.js';

/** A command the spec parser could not turn into a check: reported, never guessed. */
export function runManualCheck(check: ManualCheck): Outcome {
  return {
    results: [
      {
        kind: 'manual',
        verdict: 'skipped',
        expected: check.expected ?? null,
        observed: null,
        explanation: `run by hand: ${check.command}${check.reason ? ` (not parsed: ${check.reason})` : ''}`,
        raw: check.command,
      },
    ],
    evidence: `manual: ${check.command}`,
  };
}
