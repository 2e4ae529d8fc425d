/** Labels that introduce code blocks in a criterion section: **Validation:**, **Output:** … */

const OUTPUT_LABELS = new Set(['output', 'expected output']);
const LABELS = new Set([
  'validation',
  'validate',
  'verification',
  'check',
  'checks',
  'test',
  'expected',
  ...OUTPUT_LABELS,
]);

/** `**Output:**`, `Output:`, `**Expected output**` → `output`, `expected output` (linear, no regex backtracking). */
function labelOf(line: string): string {
  return line.length > 60 ? '' : line.replace(/[*_:]/g, ' ').trim().split(/\s+/).join(' ').toLowerCase();
}

/** True for a line that labels the next code block as a command's output. */
export function isOutputLabel(line: string): boolean {
  return OUTPUT_LABELS.has(labelOf(line));
}

/** True for any label line (not part of a criterion's description). */
export function isLabel(line: string): boolean {
  return LABELS.has(labelOf(line));
}
