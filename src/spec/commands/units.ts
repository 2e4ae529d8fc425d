import { tokenize } from './tokenize.js';

/**
 * Splits a ```bash block into command units: one simple command or pipeline, or one whole
 * `for … do … done | …` loop, each with the `# Expected:` text that follows it.
 */

export interface CommandUnit {
  /** The command's lines, verbatim (continuations kept), without comment-only lines. */
  text: string;
  /** 1-based line of the unit's first line within the block. */
  line: number;
  /** The `# Expected:` text, trimmed; several lines are joined with `\n`. */
  expected?: string;
  /** Other comment lines right above the command (its description). */
  notes: string[];
  /** Set when the unit's lines cannot be delimited (unterminated quote or loop). */
  error?: string;
}

/** Longest unit we try to interpret (characters); longer ones become manual checks. */
export const MAX_UNIT_CHARS = 16_384;
/** Most lines one unit may span before we give up delimiting it. */
const MAX_UNIT_LINES = 200;

const EXPECTED_RE = /^#+\s*expected(?:\s+(?:output|result))?\s*:\s?(.*)$/i;
const OPENERS: Record<string, string> = { for: 'done', while: 'done', until: 'done', if: 'fi', case: 'esac' };

/** Net change in compound-command depth for quote-balanced shell text (unquoted keywords only). */
function depthDelta(text: string): number {
  let delta = 0;
  let commandPosition = true;
  for (const t of tokenize(text).tokens) {
    if (t.t === 'op') {
      commandPosition = t.v !== '>' && t.v !== '<' && t.v !== '>>' && t.v !== '2>';
      continue;
    }
    if (!t.quoted && commandPosition && t.v in OPENERS) delta++;
    else if (!t.quoted && (t.v === 'done' || t.v === 'fi' || t.v === 'esac')) delta--;
    commandPosition = !t.quoted && ['do', 'then', 'else', 'elif', '{'].includes(t.v);
  }
  return delta;
}

/** The quote still open at the end of `line`, given the one open at its start ('' for none). */
function quoteState(line: string, open: string): string {
  let q = open;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q === "'") {
      if (c === "'") q = '';
    } else if (c === '\\') i++;
    else if (q === '"') {
      if (c === '"') q = '';
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) break;
    else if (c === "'" || c === '"') q = c;
  }
  return q;
}

function endsWithContinuation(line: string): boolean {
  const m = /(\\+)$/.exec(line);
  return m !== null && m[1].length % 2 === 1 && !line.trimStart().startsWith('#');
}

/** Reads the units of a block. Comment-only lines are notes or expectations, never commands. */
export function splitUnits(block: string): CommandUnit[] {
  const lines = block.split(/\r?\n/);
  const units: CommandUnit[] = [];
  let notes: string[] = [];
  let pendingExpected: string[] | undefined; // an Expected that precedes any command
  let collecting: { lines: string[]; open: boolean } | undefined;

  const attachExpected = (text: string[]) => {
    const value = text.join('\n').trim();
    const last = units[units.length - 1];
    if (last && last.expected === undefined) last.expected = value;
    else if (last) last.expected = `${last.expected}\n${value}`.trim();
    else pendingExpected = text;
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const trimmed = line.trim();
    if (trimmed === '') {
      if (collecting) attachExpected(collecting.lines);
      collecting = undefined;
      notes = [];
      i++;
      continue;
    }
    if (trimmed.startsWith('#')) {
      const m = EXPECTED_RE.exec(trimmed);
      if (m) {
        if (collecting) attachExpected(collecting.lines);
        collecting = { lines: [m[1].trim()], open: m[1].trim() === '' };
      } else if (collecting && (collecting.open || /^#\s{2,}\S/.test(trimmed))) {
        collecting.lines.push(trimmed.replace(/^#\s?/, ''));
        collecting.open = true;
      } else {
        if (collecting) attachExpected(collecting.lines);
        collecting = undefined;
        notes.push(trimmed.replace(/^#+\s?/, ''));
      }
      i++;
      continue;
    }
    if (collecting) attachExpected(collecting.lines);
    collecting = undefined;
    // a command: extend over continuations, open quotes and open loops. Each line is scanned
    // once for its quote state; a quote-balanced segment is tokenized once for loop depth.
    const start = i;
    let text = line;
    let error: string | undefined;
    let quote = quoteState(line, '');
    let depth = 0;
    let segment = 0; // start of the part of `text` not yet counted for depth
    for (;;) {
      if (text.length > MAX_UNIT_CHARS) {
        error = `command is longer than ${MAX_UNIT_CHARS} characters`;
        break;
      }
      if (quote === '') {
        depth += depthDelta(text.slice(segment));
        segment = text.length;
      }
      const more = endsWithContinuation(lines[i]) || quote !== '' || depth > 0;
      if (!more) break;
      if (i + 1 >= lines.length || i - start >= MAX_UNIT_LINES) {
        error = quote !== '' ? 'unterminated quote' : depth > 0 ? 'loop or block is never closed' : undefined;
        break;
      }
      i++;
      text += `\n${lines[i]}`;
      quote = quoteState(lines[i], quote);
    }
    i++;
    const unit: CommandUnit = { text, line: start + 1, notes, ...(error ? { error } : {}) };
    // an inline `cmd  # Expected: 200`
    const inline = error
      ? undefined
      : tokenize(text)
          .comments.map((c) => EXPECTED_RE.exec(`#${c.trim()}`))
          .find((m) => m !== null);
    if (inline) unit.expected = inline[1].trim();
    if (pendingExpected && units.length === 0) {
      unit.expected = pendingExpected.join('\n').trim();
      pendingExpected = undefined;
    }
    units.push(unit);
    notes = [];
  }
  if (collecting) attachExpected(collecting.lines);
  return units;
}
