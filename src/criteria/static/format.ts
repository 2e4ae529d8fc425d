import type { StaticReport } from './types.js';

/** Human-readable report: one block per criterion, its checks indented, then the assumptions. */
export function formatStaticReport(report: StaticReport): string {
  const lines: string[] = [];
  for (const c of report.criteria) {
    lines.push(`${c.id} ${c.title}: ${c.verdict.toUpperCase()}`);
    for (const k of c.checks) {
      lines.push(`  - ${k.kind}: ${k.verdict}`);
      lines.push(`    ${k.explanation}`);
    }
  }
  const s = report.summary;
  lines.push(
    '',
    `${s.proved} proved, ${s['needs-live']} need a live check, ${s.violated} violated, ${s.manual} manual`,
  );
  if (report.assumptions.length) lines.push('Assumptions:', ...report.assumptions.map((a) => `  - ${a}`));
  return `${lines.join('\n')}\n`;
}
