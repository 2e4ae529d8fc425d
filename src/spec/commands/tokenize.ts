/**
 * A small, non-evaluating shell tokenizer: enough of POSIX quoting to read validation commands
 * (`curl -H "x-user-id: test" …`, `for i in {1..110}; do … done | grep 429 | wc -l`).
 * Nothing is ever expanded or executed; expansions (`$VAR`, `$(…)`, backticks) are recorded
 * so that the caller can refuse to interpret them. Runs in one linear pass.
 */

export interface WordToken {
  t: 'word';
  /** The word after quote removal. */
  v: string;
  /** True when any part of the word was quoted (so `"done"` is not a keyword). */
  quoted: boolean;
}

export interface OpToken {
  t: 'op';
  /** One of `|` `||` `&&` `;` `&` `\n` `>` `>>` `<` `2>` `2>&1` `&>` `(` `)`. */
  v: string;
}

export type Token = WordToken | OpToken;

export interface TokenizeResult {
  tokens: Token[];
  /** Comments (text after an unquoted `#` at the start of a word), without the `#`. */
  comments: string[];
  /** Shell expansions met, verbatim (`$i`, `$(seq 1 10)`, `` `date` ``, `${X}`). */
  expansions: string[];
  /** Set when the text cannot be tokenized (unterminated quote…). */
  error?: string;
}

const OPS = ['2>&1', '&>', '2>', '>>', '||', '&&', '|', ';', '&', '>', '<', '(', ')'];
const OP_START = new Set(OPS.map((o) => o[0]));

/** Reads an expansion starting at `s[i] === '$'`; returns its end index (exclusive). */
function expansionEnd(s: string, i: number): number {
  const next = s[i + 1];
  if (next === '(' || next === '{') {
    const open = next;
    const close = open === '(' ? ')' : '}';
    let depth = 0;
    for (let j = i + 1; j < s.length; j++) {
      if (s[j] === open) depth++;
      else if (s[j] === close && --depth === 0) return j + 1;
    }
    return s.length;
  }
  let j = i + 1;
  if (j < s.length && /[?#@*!$0-9-]/.test(s[j])) return j + 1;
  while (j < s.length && /[A-Za-z0-9_]/.test(s[j])) j++;
  return j;
}

/** Tokenizes shell text. Never throws; problems are reported in `error`. */
export function tokenize(s: string): TokenizeResult {
  const tokens: Token[] = [];
  const comments: string[] = [];
  const expansions: string[] = [];
  let word = '';
  let inWord = false;
  let quoted = false;
  const flush = () => {
    if (inWord) tokens.push({ t: 'word', v: word, quoted });
    word = '';
    inWord = false;
    quoted = false;
  };
  const expansionAt = (i: number): number => {
    const end = expansionEnd(s, i);
    if (end === i + 1) return -1; // a lone `$` is literal
    expansions.push(s.slice(i, end));
    return end;
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') {
      if (s[i + 1] === '\n') {
        i += 2; // line continuation
        continue;
      }
      if (i + 1 < s.length) {
        word += s[i + 1];
        inWord = true;
      }
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) return { tokens, comments, expansions, error: 'unterminated single quote' };
      word += s.slice(i + 1, end);
      inWord = true;
      quoted = true;
      i = end + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let closed = false;
      while (j < s.length) {
        const d = s[j];
        if (d === '"') {
          closed = true;
          break;
        }
        if (d === '\\' && j + 1 < s.length) {
          const e = s[j + 1];
          if (e === '\n') j += 2;
          else if ('$`"\\'.includes(e)) {
            word += e;
            j += 2;
          } else {
            word += d;
            j += 1;
          }
          continue;
        }
        if (d === '$') {
          const end = expansionAt(j);
          if (end > 0) {
            word += s.slice(j, end);
            j = end;
            continue;
          }
        }
        if (d === '`') {
          const end = s.indexOf('`', j + 1);
          expansions.push(s.slice(j, end < 0 ? s.length : end + 1));
          if (end < 0) return { tokens, comments, expansions, error: 'unterminated backquote' };
          word += s.slice(j, end + 1);
          j = end + 1;
          continue;
        }
        word += d;
        j++;
      }
      if (!closed) return { tokens, comments, expansions, error: 'unterminated double quote' };
      inWord = true;
      quoted = true;
      i = j + 1;
      continue;
    }
    if (c === '`') {
      const end = s.indexOf('`', i + 1);
      expansions.push(s.slice(i, end < 0 ? s.length : end + 1));
      if (end < 0) return { tokens, comments, expansions, error: 'unterminated backquote' };
      word += s.slice(i, end + 1);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (c === '$') {
      const end = expansionAt(i);
      if (end > 0) {
        word += s.slice(i, end);
        inWord = true;
        i = end;
        continue;
      }
    }
    if (c === '#' && !inWord) {
      const end = s.indexOf('\n', i);
      comments.push(s.slice(i + 1, end < 0 ? s.length : end));
      i = end < 0 ? s.length : end;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      flush();
      i++;
      continue;
    }
    if (c === '\n') {
      flush();
      tokens.push({ t: 'op', v: '\n' });
      i++;
      continue;
    }
    // `2>` / `2>&1` only when the 2 starts a word
    const op = OP_START.has(c) ? OPS.find((o) => s.startsWith(o, i) && (o[0] !== '2' || !inWord)) : undefined;
    if (op) {
      flush();
      tokens.push({ t: 'op', v: op });
      i += op.length;
      continue;
    }
    word += c;
    inWord = true;
    i++;
  }
  flush();
  return { tokens, comments, expansions };
}

/** Splits a token list on the given operators. */
export function splitOn(tokens: readonly Token[], ops: readonly string[]): { parts: Token[][]; seps: string[] } {
  const parts: Token[][] = [[]];
  const seps: string[] = [];
  for (const t of tokens) {
    if (t.t === 'op' && ops.includes(t.v)) {
      parts.push([]);
      seps.push(t.v);
    } else parts[parts.length - 1].push(t);
  }
  return { parts, seps };
}

/** The words of a simple command, or the first operator that makes it not simple. */
export function wordsOf(tokens: readonly Token[]): { words: string[]; op?: string } {
  const words: string[] = [];
  for (const t of tokens) {
    if (t.t === 'op') return { words, op: t.v };
    words.push(t.v);
  }
  return { words };
}
