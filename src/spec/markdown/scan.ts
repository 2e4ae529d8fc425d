import { isOutputLabel } from './labels.js';

/**
 * A line-based markdown scanner that yields headings, fenced blocks and text lines, with
 * 1-based line numbers.
 *
 * Unlike CommonMark, a fence whose info string is `markdown` or `md` is *transparent*: its content
 * is scanned as markdown too, so a spec written inside a ```markdown fence (as tutorials show
 * it) is still read. Inside it, a ```bash opener starts an inner block that the next bare ```
 * closes; a bare ``` while no inner block is open closes the markdown fence itself, unless the
 * line before it is an **Output:** label (then it opens the output block). With a longer outer
 * fence (````markdown) this is exactly CommonMark's nesting.
 */

export interface Fence {
  /** The info string, trimmed (e.g. `bash`, `yaml traffic-spec`). */
  info: string;
  /** First word of the info string, lowercased (`bash`, `yaml`, or '' for none). */
  lang: string;
  /** Line of the opening fence. */
  line: number;
  /** Line of the first content line. */
  contentLine: number;
  /** The content, lines joined with `\n`. */
  text: string;
  closed: boolean;
  /** How many transparent (markdown) fences enclose it. */
  depth: number;
}

export type Block =
  | { type: 'heading'; level: number; text: string; line: number; depth: number }
  | { type: 'fence'; fence: Fence }
  | { type: 'text'; text: string; line: number; depth: number }
  /** The end of a transparent markdown fence: sections opened inside it end here. */
  | { type: 'frame-end'; line: number; depth: number };

export interface Scan {
  blocks: Block[];
  /** Fences still open at the end of the text (opaque or transparent), by opening line. */
  unclosed: { line: number; info: string }[];
}

const FENCE_RE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HEADING_OPEN = /^ {0,3}(#{1,6})(?=[ \t]|$)/;

/** ATX heading text: `## Title ##` → Title. Written without backtracking regexes (long lines are linear). */
function headingText(rest: string): string {
  let t = rest.trim();
  let end = t.length;
  while (end > 0 && t[end - 1] === '#') end--;
  if (end === 0) return '';
  if (end < t.length && (t[end - 1] === ' ' || t[end - 1] === '\t')) t = t.slice(0, end);
  return t.trim();
}
const TRANSPARENT = new Set(['markdown', 'md']);

interface Open {
  char: string;
  len: number;
  info: string;
  line: number;
}

/** Scans markdown text. Linear in its length; never throws. */
export function scanMarkdown(text: string): Scan {
  const lines = text.split(/\r?\n/);
  const blocks: Block[] = [];
  const frames: Open[] = [];
  let fence: (Open & { content: string[] }) | undefined;
  let lastText = ''; // last non-blank text line outside fences

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const n = i + 1;
    const m = FENCE_RE.exec(line);
    if (fence) {
      if (m && m[1][0] === fence.char && m[1].length >= fence.len && m[2].trim() === '') {
        const info = fence.info;
        blocks.push({
          type: 'fence',
          fence: {
            info,
            lang: (info.split(/\s+/)[0] ?? '').toLowerCase(),
            line: fence.line,
            contentLine: fence.line + 1,
            text: fence.content.join('\n'),
            closed: true,
            depth: frames.length,
          },
        });
        fence = undefined;
      } else fence.content.push(line);
      continue;
    }
    if (m && !(m[1][0] === '`' && m[2].includes('`'))) {
      const char = m[1][0];
      const len = m[1].length;
      const info = m[2].trim();
      const frame = frames[frames.length - 1];
      // inside a markdown fence, a bare fence right after an **Output:** label opens the output block
      if (info === '' && frame && frame.char === char && len >= frame.len && !isOutputLabel(lastText)) {
        frames.pop();
        blocks.push({ type: 'frame-end', line: n, depth: frames.length });
        continue;
      }
      if (TRANSPARENT.has((info.split(/\s+/)[0] ?? '').toLowerCase())) {
        frames.push({ char, len, info, line: n });
        continue;
      }
      fence = { char, len, info, line: n, content: [] };
      lastText = '';
      continue;
    }
    const h = HEADING_OPEN.exec(line);
    if (h) {
      lastText = '';
      blocks.push({
        type: 'heading',
        level: h[1].length,
        text: headingText(line.slice(h[0].length)),
        line: n,
        depth: frames.length,
      });
      continue;
    }
    blocks.push({ type: 'text', text: line, line: n, depth: frames.length });
    if (line.trim() !== '') lastText = line.trim();
  }
  const unclosed = frames.map((f) => ({ line: f.line, info: f.info }));
  if (fence) {
    unclosed.push({ line: fence.line, info: fence.info });
    blocks.push({
      type: 'fence',
      fence: {
        info: fence.info,
        lang: (fence.info.split(/\s+/)[0] ?? '').toLowerCase(),
        line: fence.line,
        contentLine: fence.line + 1,
        text: fence.content.join('\n'),
        closed: false,
        depth: frames.length,
      },
    });
  }
  return { blocks, unclosed };
}
