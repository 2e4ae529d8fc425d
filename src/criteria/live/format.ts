import type { Verdict, VerifyReport } from './types.js';

const MARK: Record<Verdict, string> = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP' };
const CHECK: Record<Verdict, string> = { passed: '✓', failed: '✗', skipped: '–' };

/**
 * Human-readable report: one line per criterion, its evidence (unless nothing ran), and every check that
 * did not pass (why it failed or was skipped); a summary line last.
 */
export function formatVerifyText(r: VerifyReport): string {
  const lines: string[] = [];
  for (const c of r.criteria) {
    lines.push(`${MARK[c.verdict]}  ${c.id}${c.title ? ` ${c.title}` : ''}`);
    if (c.checks.some((k) => k.verdict !== 'skipped')) lines.push(`      ${c.evidence}`);
    for (const k of c.checks) {
      if (k.verdict !== 'passed' || c.verdict === 'failed')
        lines.push(`      ${CHECK[k.verdict]} ${k.kind}: ${k.explanation}`);
    }
  }
  const s = r.summary;
  lines.push('', `${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
  return `${lines.join('\n')}\n`;
}
