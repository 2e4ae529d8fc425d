import type { BurstCheck } from '../checks.js';
import { quote, type Recognised, type UnitContext } from './context.js';
import { parseCurl, writesStatusOnly } from './curl.js';
import { expectedCount, expectedCounts } from './expected.js';

type Counter = { mode: 'grep'; code: string } | { mode: 'uniq' };

const GREP_FLAGS = new Set(['-w', '-x', '-F', '-E', '-G', '--word-regexp', '--line-regexp', '--fixed-strings']);

/** `grep [-c] CODE [| wc -l]` or `sort | uniq -c [| sort -rn]` after the loop. */
function counterOf(stages: readonly string[][]): Counter | { reason: string } {
  const [a, b, c] = stages;
  if (a?.[0] === 'grep') {
    let counted = false;
    const patterns: string[] = [];
    for (const w of a.slice(1)) {
      if (w === '-c' || w === '--count') counted = true;
      else if (GREP_FLAGS.has(w)) continue;
      else if (w.startsWith('-')) return { reason: `grep option ${w} is not supported` };
      else patterns.push(w);
    }
    const code = /^\^?(\d{3})\$?$/.exec(patterns[0] ?? '');
    if (patterns.length !== 1 || !code)
      return { reason: `grep pattern ${quote(patterns.join(' '))} is not a status code` };
    const wc = b !== undefined && b.length === 2 && b[0] === 'wc' && b[1] === '-l';
    if (counted ? stages.length !== 1 : !wc || stages.length !== 2)
      return { reason: 'expected "grep CODE | wc -l" or "grep -c CODE"' };
    return { mode: 'grep', code: code[1] };
  }
  if (a?.[0] === 'sort' && b?.[0] === 'uniq') {
    if (!a.slice(1).every((w) => /^-[nr]+$/.test(w))) return { reason: 'sort options are not supported' };
    if (b.length !== 2 || b[1] !== '-c') return { reason: 'expected "uniq -c"' };
    if ((c !== undefined && !(c[0] === 'sort' && c.slice(1).every((w) => /^-[nr]+$/.test(w)))) || stages.length > 3)
      return { reason: 'unsupported stage after uniq -c' };
    return { mode: 'uniq' };
  }
  return { reason: 'loop output is not counted with "grep CODE | wc -l" or "sort | uniq -c"' };
}

/**
 * `for i in {1..N}; do curl … -w "%{http_code}\n" …; done | grep CODE | wc -l` (or `| sort | uniq -c`)
 * → burst check. Only the counts the author states are expected; other codes stay unconstrained.
 */
export function recogniseBurst(ctx: UnitContext): Recognised {
  const { pipeline, expected } = ctx;
  if (!pipeline.loop) return undefined;
  const { count, body } = pipeline.loop;
  const work = body.filter((c) => !(c[0] === 'sleep' && c.length === 2 && /^\d+(\.\d+)?$/.test(c[1])));
  if (work.length !== 1 || work[0][0] !== 'curl') return { reason: 'loop body is not a single curl command' };
  const curl = parseCurl(work[0].slice(1));
  if (!curl.ok) return { reason: curl.reason };
  const req = curl.request;
  if (!writesStatusOnly(req.writeOut, 'required'))
    return { reason: 'curl in the loop must print one status per line (-w "%{http_code}\\n")' };
  if (req.include) return { reason: 'curl -i in the loop prints headers' };
  if (req.output !== '/dev/null') return { reason: 'curl in the loop must discard the body (-o /dev/null)' };
  const counter = counterOf(pipeline.stages);
  if ('reason' in counter) return counter;
  if (expected === undefined) return { reason: 'no expected count (add "# Expected: 10")' };
  let counts: Record<string, number>;
  if (counter.mode === 'grep') {
    const n = expectedCount(expected);
    if (n === undefined) return { reason: `expected ${quote(expected)} is not a count` };
    counts = { [counter.code]: n };
  } else {
    const c = expectedCounts(expected);
    if (!c) return { reason: `expected ${quote(expected)} is not "COUNT CODE" lines` };
    counts = c;
  }
  const total = Object.values(counts).reduce((s, n) => s + n, 0);
  if (total > count) return { reason: `expected counts add up to ${total}, more than the ${count} requests sent` };
  const check: BurstCheck = {
    kind: 'burst',
    method: req.method,
    url: req.url,
    headers: req.headers,
    insecure: req.insecure,
    count,
    expect: { counts },
    raw: ctx.raw,
  };
  return { check };
}
