import type { Diagnostic } from '../../model/diagnostic.js';
import type { Check, Criterion } from '../checks.js';
import { parseValidationBlock } from '../commands/index.js';
import { isLabel, isOutputLabel } from './labels.js';
import type { Block, Fence } from './scan.js';

/**
 * Success-criterion sections: a heading `### SC-001: Title` (any level; also `SC-001 — Title`,
 * or `ABC-12: Title` with another upper-case prefix and a colon) up to the next heading of the same
 * or a higher level, the next criterion heading, or the end of an enclosing markdown fence.
 * The prose before the first code block is the description; every ```bash / ```sh block holds
 * validation commands; a block labelled **Output:** is the expectation of the command before it.
 */

const SC_RE = /^(SC-\d{1,6})(?:\s*[:.\-–—]\s*|\s+|$)(.*)$/;
const OTHER_RE = /^([A-Z]{2,8}-\d{1,6})\s*:\s*(.*)$/;
const COMMAND_LANGS = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'shell-session', 'sh-session']);
const OUTPUT_LABEL = { test: isOutputLabel };
const LABEL = { test: isLabel };

/** `SC-001: External Access` → id and title, or undefined when the heading is not a criterion. */
export function criterionHeading(heading: string): { id: string; title: string } | undefined {
  const text = heading.replace(/[*`_]/g, '').trim();
  const m = SC_RE.exec(text) ?? OTHER_RE.exec(text);
  return m ? { id: m[1], title: m[2].trim() } : undefined;
}

export interface CriterionSection {
  criterion: Criterion;
  line: number;
}

interface Section {
  id: string;
  title: string;
  level: number;
  depth: number;
  line: number;
  blocks: Block[];
}

function commandText(fence: Fence): string {
  if (fence.lang !== 'console' && !fence.lang.endsWith('session')) return fence.text;
  return fence.text
    .split('\n')
    .map((l) => l.replace(/^\s*\$ /, ''))
    .join('\n');
}

function buildCriterion(s: Section, file: string | undefined, diagnostics: Diagnostic[]): Criterion {
  const description: string[] = [];
  let seenCode = false;
  const checks: Check[] = [];
  const blocks = s.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.type === 'text') {
      if (!seenCode && !LABEL.test(b.text.trim())) description.push(b.text);
      continue;
    }
    if (b.type !== 'fence') continue;
    seenCode = true;
    const f = b.fence;
    if (!COMMAND_LANGS.has(f.lang)) continue;
    // an **Output:** block right after this one (only blank lines and the label between)
    let output: string | undefined;
    for (let j = i + 1; j < blocks.length; j++) {
      const n = blocks[j];
      if (n.type === 'text' && (n.text.trim() === '' || OUTPUT_LABEL.test(n.text.trim()))) continue;
      const labelled = blocks.slice(i + 1, j).some((x) => x.type === 'text' && OUTPUT_LABEL.test(x.text.trim()));
      if (n.type === 'fence' && labelled && !COMMAND_LANGS.has(n.fence.lang)) output = n.fence.text;
      break;
    }
    for (const p of parseValidationBlock(commandText(f), { output })) {
      checks.push(p.check);
      if (p.check.kind === 'manual')
        diagnostics.push({
          code: 'markdown/manual-check',
          severity: 'info',
          path: `criteria.${s.id}`,
          message: `${s.id}: command kept as a manual check: ${p.check.reason ?? 'not understood'}`,
          hint: 'rewrite it in one of the recognised forms (see the spec format) to have it checked automatically',
          ...(file ? { file } : {}),
          line: f.contentLine + p.line - 1,
        });
    }
  }
  const text = description.join('\n').trim();
  const criterion: Criterion = { id: s.id, title: s.title, checks };
  if (text !== '') criterion.description = text;
  if (checks.length === 0)
    diagnostics.push({
      code: 'markdown/criterion-without-checks',
      severity: 'warning',
      path: `criteria.${s.id}`,
      message: `${s.id} has no validation command (no \`\`\`bash block under its heading)`,
      hint: 'add a ```bash block with the command that proves it, and a "# Expected: …" comment',
      ...(file ? { file } : {}),
      line: s.line,
    });
  return criterion;
}

/** Finds the criterion sections of a scanned document and parses their checks. */
export function readCriteria(
  blocks: readonly Block[],
  file?: string,
): { criteria: CriterionSection[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const sections: Section[] = [];
  let cur: Section | undefined;
  for (const b of blocks) {
    if (b.type === 'heading') {
      const c = criterionHeading(b.text);
      if (cur && (c || b.level <= cur.level)) cur = undefined;
      if (c) {
        cur = { ...c, level: b.level, depth: b.depth, line: b.line, blocks: [] };
        sections.push(cur);
      }
      continue;
    }
    if (b.type === 'frame-end') {
      if (cur && b.depth < cur.depth) cur = undefined;
      continue;
    }
    cur?.blocks.push(b);
  }
  const seen = new Map<string, number>();
  const criteria: CriterionSection[] = [];
  for (const s of sections) {
    const first = seen.get(s.id);
    if (first !== undefined) {
      diagnostics.push({
        code: 'markdown/duplicate-criterion',
        severity: 'warning',
        path: `criteria.${s.id}`,
        message: `${s.id} is defined again; the section at line ${first} is used`,
        ...(file ? { file } : {}),
        line: s.line,
      });
      continue;
    }
    seen.set(s.id, s.line);
    criteria.push({ criterion: buildCriterion(s, file, diagnostics), line: s.line });
  }
  return { criteria, diagnostics };
}
