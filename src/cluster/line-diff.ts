/** A pure unified line diff (LCS), small inputs only: Kubernetes objects of a few hundred lines. */

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

const MAX_CELLS = 4_000_000;

function ops(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) {
    return [
      ...a.map((line, i) => ({ kind: '-' as const, line, a: i, b: 0 })),
      ...b.map((line, j) => ({ kind: '+' as const, line, a: n, b: j })),
    ];
  }
  // lcs[i][j] = LCS length of a[i..] and b[j..]
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) out.push({ kind: ' ', line: a[i], a: i++, b: j++ });
    else if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1])) out.push({ kind: '-', line: a[i], a: i++, b: j });
    else out.push({ kind: '+', line: b[j], a: i, b: j++ });
  }
  return out;
}

/** Unified diff hunks (`@@ -a,n +b,m @@`) with `context` lines around each change; '' when equal. */
export function unifiedDiff(a: readonly string[], b: readonly string[], context = 3): string {
  const all = ops(a, b);
  const changed = all.map((o, k) => (o.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  if (changed.length === 0) return '';
  const hunks: [number, number][] = [];
  for (const k of changed) {
    const lo = Math.max(0, k - context);
    const hi = Math.min(all.length - 1, k + context);
    const last = hunks[hunks.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else hunks.push([lo, hi]);
  }
  const out: string[] = [];
  for (const [lo, hi] of hunks) {
    const slice = all.slice(lo, hi + 1);
    const aLen = slice.filter((o) => o.kind !== '+').length;
    const bLen = slice.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${slice[0].a + 1},${aLen} +${slice[0].b + 1},${bLen} @@`);
    for (const o of slice) out.push(`${o.kind}${o.line}`);
  }
  return out.join('\n');
}
