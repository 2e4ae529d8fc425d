/**
 * cel-js only accepts `has()` on a field-selection chain that starts at an identifier
 * (`has(a.b.c)`); CEL allows any operand (`has(self.matches[0].path)`, used by Gateway API).
 * This rewrites such calls into the equivalent `cel.bind(v, operand, has(v.field))`.
 */
const SIMPLE_CHAIN = /^\s*[A-Za-z_][A-Za-z0-9_]*(\s*\.\??\s*[A-Za-z_][A-Za-z0-9_]*)*\s*$/;

/** Index just after the string literal starting at `i`. */
function skipString(s: string, i: number): number {
  const q = s[i];
  const triple = s.startsWith(q.repeat(3), i);
  if (triple) {
    const end = s.indexOf(q.repeat(3), i + 3);
    return end < 0 ? s.length : end + 3;
  }
  let j = i + 1;
  while (j < s.length && s[j] !== q) j += s[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** Index of the parenthesis closing the one at `open`, or -1. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") {
      i = skipString(s, i) - 1;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Position of the last top-level `.` in `arg` (not inside brackets, parentheses or strings). */
function lastTopLevelDot(arg: string): number {
  let depth = 0;
  let last = -1;
  for (let i = 0; i < arg.length; i++) {
    const c = arg[i];
    if (c === '"' || c === "'") i = skipString(arg, i) - 1;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === '.' && depth === 0 && !/[0-9]/.test(arg[i + 1] ?? '')) last = i;
  }
  return last;
}

export function rewriteHasMacros(expr: string): string {
  let out = '';
  let counter = 0;
  let i = 0;
  while (i < expr.length) {
    const c = expr[i];
    if (c === '"' || c === "'") {
      const end = skipString(expr, i);
      out += expr.slice(i, end);
      i = end;
      continue;
    }
    const m = /^has\s*\(/.exec(expr.slice(i, i + 8));
    const prev = i > 0 ? expr[i - 1] : '';
    if (m && !/[A-Za-z0-9_.]/.test(prev)) {
      const open = i + m[0].length - 1;
      const close = closing(expr, open);
      if (close < 0) break;
      const arg = expr.slice(open + 1, close);
      const dot = lastTopLevelDot(arg);
      if (SIMPLE_CHAIN.test(arg) || dot < 0) {
        out += `has(${rewriteHasMacros(arg)})`;
      } else {
        const base = rewriteHasMacros(arg.slice(0, dot));
        const field = arg
          .slice(dot + 1)
          .replace(/^\?/, '')
          .trim();
        const v = `hasbind${counter++}`;
        out += `cel.bind(${v}, ${base}, has(${v}.${field}))`;
      }
      i = close + 1;
      continue;
    }
    out += c;
    i++;
  }
  return out + expr.slice(i);
}
