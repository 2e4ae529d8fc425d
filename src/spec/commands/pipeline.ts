import { splitOn, type Token, tokenize, wordsOf } from './tokenize.js';

/**
 * Structure of one command unit: an optional counted loop (`for i in {1..N}; do BODY; done`)
 * and the pipeline stages that follow (each a list of words). Only shapes a validation
 * command plausibly takes are accepted; anything else is a reason to keep the command manual.
 */

export interface Pipeline {
  /** Present for `for … do … done` units. */
  loop?: { count: number; body: string[][] };
  /** Pipeline stages after the loop (or the whole pipeline when there is no loop). */
  stages: string[][];
}

export type PipelineParse = { ok: true; pipeline: Pipeline } | { ok: false; reason: string };

/** Largest loop count we accept. */
export const MAX_COUNT = 100_000;

/** Rewrites `$(seq A B)`, `` `seq A B` `` and `((i=A; i<=B; i++))` loop headers to `{A..B}`. */
export function normaliseLoopHeader(text: string): string {
  const seq = /^(\s*for\s+\w+\s+in\s+)(?:\$\(\s*seq\s+(?:(\d+)\s+)?(\d+)\s*\)|`\s*seq\s+(?:(\d+)\s+)?(\d+)\s*`)/.exec(
    text,
  );
  if (seq) {
    const from = seq[2] ?? seq[4] ?? '1';
    const to = seq[3] ?? seq[5];
    return `${seq[1]}{${from}..${to}}${text.slice(seq[0].length)}`;
  }
  const c =
    /^(\s*for\s*)\(\(\s*(\w+)\s*=\s*(\d+)\s*;\s*(\w+)\s*(<=|<)\s*(\d+)\s*;\s*(?:\w+\s*\+\+|\+\+\s*\w+|\w+\s*\+=\s*1)\s*\)\)/.exec(
      text,
    );
  if (c && c[2] === c[4]) {
    const to = c[5] === '<' ? Number(c[6]) - 1 : Number(c[6]);
    return `${c[1]}${c[2]} in {${c[3]}..${to}}${text.slice(c[0].length)}`;
  }
  return text;
}

const ALLOWED_REDIRECTS: Record<string, string | undefined> = { '2>': '/dev/null', '2>&1': undefined };

/** Turns one pipeline stage's tokens into words, dropping harmless stderr redirections. */
function stageWords(tokens: readonly Token[]): { words: string[] } | { reason: string } {
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.t === 'word') {
      words.push(t.v);
      continue;
    }
    if (t.v in ALLOWED_REDIRECTS) {
      const target = ALLOWED_REDIRECTS[t.v];
      if (target !== undefined) {
        const next = tokens[i + 1];
        if (next?.t !== 'word' || next.v !== target)
          return { reason: `uses redirection ${t.v} to something other than ${target}` };
        i++;
      }
      continue;
    }
    if (t.v === '\n') continue;
    return { reason: `uses shell operator ${JSON.stringify(t.v)}` };
  }
  if (words.length === 0) return { reason: 'has an empty pipeline stage' };
  return { words };
}

function stagesOf(tokens: readonly Token[]): { stages: string[][] } | { reason: string } {
  const { parts } = splitOn(tokens, ['|']);
  const stages: string[][] = [];
  for (const p of parts) {
    const s = stageWords(p);
    if ('reason' in s) return s;
    stages.push(s.words);
  }
  return { stages };
}

function loopCount(items: readonly Token[]): number | string {
  const words = wordsOf(items).words;
  if (words.length === 1) {
    const m = /^\{(\d{1,9})\.\.(\d{1,9})\}$/.exec(words[0]);
    if (m) {
      const n = Number(m[2]) - Number(m[1]) + 1;
      if (n < 1) return `loop range ${words[0]} is empty or descending`;
      return n;
    }
  }
  if (words.length > 0 && words.every((w) => /^[\w.-]+$/.test(w))) return words.length;
  return `loop items ${JSON.stringify(words.join(' '))} are not a numeric range`;
}

/** Parses a `for VAR in ITEMS; do BODY; done [| stages]` token list. */
function parseLoop(tokens: readonly Token[]): PipelineParse {
  const [forTok, varTok, inTok] = tokens;
  if (forTok?.t !== 'word' || varTok?.t !== 'word' || inTok?.t !== 'word' || inTok.v !== 'in')
    return { ok: false, reason: 'for-loop header is not "for VAR in …"' };
  let i = 3;
  const items: Token[] = [];
  while (i < tokens.length && !(tokens[i].t === 'op' && (tokens[i].v === ';' || tokens[i].v === '\n')))
    items.push(tokens[i++]);
  while (i < tokens.length && tokens[i].t === 'op' && (tokens[i].v === ';' || tokens[i].v === '\n')) i++;
  const doTok = tokens[i];
  if (doTok?.t !== 'word' || doTok.quoted || doTok.v !== 'do') return { ok: false, reason: 'for-loop has no "do"' };
  const count = loopCount(items);
  if (typeof count === 'string') return { ok: false, reason: count };
  if (count > MAX_COUNT) return { ok: false, reason: `loop of ${count} requests exceeds the cap of ${MAX_COUNT}` };
  const body: Token[] = [];
  let j = i + 1;
  for (; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.t === 'word' && !t.quoted && ['for', 'while', 'until', 'if', 'case'].includes(t.v))
      return { ok: false, reason: `nested "${t.v}" inside the loop is not supported` };
    if (t.t === 'word' && !t.quoted && t.v === 'done') break;
    body.push(t);
  }
  if (j >= tokens.length) return { ok: false, reason: 'for-loop has no "done"' };
  const commands: string[][] = [];
  for (const part of splitOn(body, [';', '\n']).parts) {
    if (part.length === 0) continue;
    const s = stageWords(part);
    if ('reason' in s) return { ok: false, reason: `loop body ${s.reason}` };
    commands.push(s.words);
  }
  const rest = tokens.slice(j + 1).filter((t) => !(t.t === 'op' && t.v === '\n'));
  if (rest.length === 0) return { ok: true, pipeline: { loop: { count, body: commands }, stages: [] } };
  if (rest[0].t !== 'op' || rest[0].v !== '|') return { ok: false, reason: 'loop output is not piped' };
  const st = stagesOf(rest.slice(1));
  if ('reason' in st) return { ok: false, reason: st.reason };
  return { ok: true, pipeline: { loop: { count, body: commands }, stages: st.stages } };
}

/**
 * `seq [A] B | xargs [-n 1] [-P N] [-I X] curl …` is the same as a loop of B-A+1 requests. With
 * `-I X`, X must not occur in the curl arguments (a per-request value is not one client).
 */
function xargsLoop(stages: string[][]): PipelineParse | undefined {
  const [seq, xargs] = stages;
  if (seq?.[0] !== 'seq' || xargs?.[0] !== 'xargs') return undefined;
  const nums = seq.slice(1);
  if (nums.length < 1 || nums.length > 2 || !nums.every((n) => /^\d{1,9}$/.test(n)))
    return { ok: false, reason: 'seq arguments are not one or two numbers' };
  const count = nums.length === 1 ? Number(nums[0]) : Number(nums[1]) - Number(nums[0]) + 1;
  if (count < 1) return { ok: false, reason: 'seq range is empty' };
  if (count > MAX_COUNT) return { ok: false, reason: `loop of ${count} requests exceeds the cap of ${MAX_COUNT}` };
  let i = 1;
  let replace: string | undefined;
  while (i < xargs.length && xargs[i].startsWith('-')) {
    const f = xargs[i];
    if (f === '-I' || f === '-n' || f === '-P') {
      if (f === '-I') replace = xargs[i + 1];
      i += 2;
    } else if (/^-(?:n|P)\d+$/.test(f)) i++;
    else if (f.startsWith('-I') && f.length > 2) {
      replace = f.slice(2);
      i++;
    } else return { ok: false, reason: `xargs option ${f} is not supported` };
  }
  const body = xargs.slice(i);
  if (body[0] !== 'curl') return { ok: false, reason: 'xargs does not run curl' };
  if (replace === undefined) return { ok: false, reason: 'xargs without -I passes the number to curl as an argument' };
  if (body.some((w) => w.includes(replace as string)))
    return { ok: false, reason: `xargs substitutes ${replace} into the request: each request differs` };
  return { ok: true, pipeline: { loop: { count, body: [body] }, stages: stages.slice(2) } };
}

/** Parses one command unit's text into its pipeline structure. */
export function parsePipeline(text: string): PipelineParse {
  const r = tokenize(normaliseLoopHeader(text));
  if (r.error) return { ok: false, reason: r.error };
  if (r.expansions.length > 0)
    return { ok: false, reason: `uses shell expansion ${r.expansions[0].slice(0, 60)}; commands are never evaluated` };
  const tokens = r.tokens;
  while (tokens.length > 0 && tokens[tokens.length - 1].t === 'op' && tokens[tokens.length - 1].v === '\n')
    tokens.pop();
  const first = tokens[0];
  if (first?.t === 'word' && !first.quoted && first.v === 'for') return parseLoop(tokens);
  if (first?.t === 'word' && !first.quoted && ['while', 'until', 'if', 'case'].includes(first.v))
    return { ok: false, reason: `"${first.v}" blocks are not parsed` };
  const st = stagesOf(tokens);
  if ('reason' in st) return { ok: false, reason: st.reason };
  return xargsLoop(st.stages) ?? { ok: true, pipeline: { stages: st.stages } };
}
