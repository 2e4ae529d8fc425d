/**
 * A small jq path evaluator for the filters specs use after `| jq`: `.`, `.a`, `.a.b`, `.a[0]`, `.[1]`,
 * `."odd-key"`, `.["odd-key"]`, `.a[-1]`. Like jq, a missing key gives null; indexing a non-object is an error.
 */
export type JqResult = { ok: true; value: unknown } | { ok: false; error: string };

type Step = { key: string } | { index: number };

export function parseJqPath(path: string): Step[] | string {
  const p = path.trim();
  if (!p.startsWith('.')) return `a jq path starts with ".", got ${JSON.stringify(path)}`;
  const steps: Step[] = [];
  const re = /\.([A-Za-z_][A-Za-z0-9_]*)|\."((?:[^"\\]|\\.)*)"|\.?\[\s*(-?\d+)\s*\]|\.?\[\s*"((?:[^"\\]|\\.)*)"\s*\]/y;
  let i = p === '.' ? 1 : 0;
  while (i < p.length) {
    re.lastIndex = i;
    const m = re.exec(p);
    if (!m) return `unsupported jq path ${JSON.stringify(path)} at ${JSON.stringify(p.slice(i))}`;
    if (m[1] !== undefined) steps.push({ key: m[1] });
    else if (m[2] !== undefined) steps.push({ key: JSON.parse(`"${m[2]}"`) });
    else if (m[3] !== undefined) steps.push({ index: Number(m[3]) });
    else steps.push({ key: JSON.parse(`"${m[4]}"`) });
    i = re.lastIndex;
  }
  return steps;
}

export function evalJqPath(doc: unknown, path: string): JqResult {
  const steps = parseJqPath(path);
  if (typeof steps === 'string') return { ok: false, error: steps };
  let cur: unknown = doc;
  for (const s of steps) {
    if (cur === null || cur === undefined) {
      cur = null;
      continue;
    }
    if ('key' in s) {
      if (typeof cur !== 'object' || Array.isArray(cur))
        return { ok: false, error: `cannot index ${typeName(cur)} with "${s.key}"` };
      cur = Object.hasOwn(cur, s.key) ? (cur as Record<string, unknown>)[s.key] : null;
    } else {
      if (!Array.isArray(cur)) return { ok: false, error: `cannot index ${typeName(cur)} with number` };
      const idx = s.index < 0 ? cur.length + s.index : s.index;
      cur = idx >= 0 && idx < cur.length ? cur[idx] : null;
    }
  }
  return { ok: true, value: cur === undefined ? null : cur };
}

/** Equality of a jq output with the expected value; a string expectation may also be the JSON text (`"v1"`). */
export function jqValueMatches(value: unknown, expected: unknown): boolean {
  if (deepEqual(value, expected)) return true;
  return typeof expected === 'string' && JSON.stringify(value) === expected;
}

function typeName(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
