import { burst } from '../../../probe/index.js';
import type { BurstCheck } from '../../../spec/checks.js';
import { adjustExpectation, waitSeconds } from '../buckets.js';
import { type Outcome, type RunContext, waitForFresh } from '../context.js';
import { mapOrigin } from '../origin.js';
import type { CheckResult } from '../types.js';
import { describeTarget, waitedNote } from './request.js';

/**
 * N requests from one identity; counts per status compared with the expectation, adjusted for the tokens
 * this run already took from the same bucket. A burst whose first answer is already 429 (when successes
 * were expected) ran on a bucket that was not fresh: skipped, with how long to wait. With `waitFresh`, a stale
 * bucket (first 429 at once, or earlier than expected) is waited for once and the burst is run again.
 */
export async function runBurstCheck(ctx: RunContext, check: BurstCheck): Promise<Outcome> {
  const first = await attemptBurst(ctx, check);
  if (first.stale === undefined || !(await waitForFresh(ctx, first.stale))) return first.outcome;
  ctx.ledger.forget(ctx.ledger.bucketOf(check.url, check.headers).bucket);
  return (await attemptBurst(ctx, check, first.stale)).outcome;
}

/** One run of the burst; `stale` is the wait in seconds when the bucket looked drained by someone else. */
async function attemptBurst(
  ctx: RunContext,
  check: BurstCheck,
  waited?: number,
): Promise<{ outcome: Outcome; stale?: number }> {
  const target = mapOrigin(check.url, ctx.opts.origins);
  const { bucket, identity } = ctx.ledger.bucketOf(check.url, check.headers);
  const window = ctx.ledger.window(identity);
  const before = ctx.ledger.consumed(bucket, identity, ctx.now().getTime());
  const exp = adjustExpectation(check.expect.counts, check.count, before.length, window.limit);
  const sentBefore = ctx.ledger.sent(bucket, identity, ctx.now().getTime());
  const predicted = ctx.opts.prediction?.(check, { criterionId: ctx.criterionId, alreadySent: sentBefore });
  const headers = { ...check.headers };
  if (target.hostHeader && !Object.keys(headers).some((k) => k.toLowerCase() === 'host'))
    headers.host = target.hostHeader;

  const r = await burst({
    url: target.url,
    method: check.method,
    headers,
    count: check.count,
    concurrency: ctx.opts.burstConcurrency ?? 1,
    timeBudgetMs: ctx.opts.burstTimeBudgetMs ?? 30_000,
    requestTimeoutMs: ctx.opts.timeoutMs ?? 5000,
    insecure: check.insecure,
    servername: target.servername,
    ca: ctx.opts.ca,
  });
  const at = ctx.now().getTime();
  for (const s of r.statuses) ctx.ledger.record(bucket, { at, status: s, by: ctx.criterionId });

  const observed = {
    counts: r.counts,
    sent: r.sent,
    first429Index: r.first429Index,
    durationMs: Math.round(r.durationMs),
  };
  const expected = {
    counts: exp.counts,
    ...(exp.adjusted ? { declared: check.expect.counts, alreadySentToBucket: before.length } : {}),
    ...(predicted ? { predicted: predicted.counts } : {}),
  };
  const evidence = `${check.count}× ${describeTarget(check.method, target)} as ${bucket} → ${fmt(r.counts)} in ${Math.round(r.durationMs)} ms`;
  const result = (verdict: CheckResult['verdict'], explanation: string, stale?: number) => ({
    outcome: { results: [{ kind: 'burst', verdict, expected, observed, explanation, raw: check.raw }], evidence },
    stale,
  });

  const notes: string[] = [];
  if (waited !== undefined)
    notes.push(
      waitedNote(waited)
        .trim()
        .replace(/^\(|\)$/g, ''),
    );
  if (exp.adjusted) {
    const by = [...new Set(before.map((e) => e.by))].join(', ');
    notes.push(
      `expectation adjusted from ${fmt(check.expect.counts)}: this run already sent ${before.length} request(s) to the ${bucket} bucket (${by})`,
    );
  }
  if (predicted) {
    const agrees = Object.entries(predicted.counts).every(([s, n]) => (r.counts[s] ?? 0) === n);
    notes.push(`${predicted.source ?? 'prediction'}: ${fmt(predicted.counts)} — ${agrees ? 'agrees' : 'differs'}`);
  }
  const tail = notes.length ? ` (${notes.join('; ')})` : '';

  if (r.sent < check.count) {
    return result(
      'failed',
      `only ${r.sent} of ${check.count} requests within the ${ctx.opts.burstTimeBudgetMs ?? 30_000} ms budget: ${fmt(r.counts)}${tail}`,
    );
  }
  if (r.errors.length) {
    return result('failed', `${r.errors.length} request(s) got no answer (first: ${r.errors[0].message})${tail}`);
  }
  const wait = () => waitSeconds(r.rateLimitHeaders, window.windowSeconds, at);
  if (r.statuses[0] === 429 && (exp.allowedNow ?? 1) > 0) {
    const w = wait();
    return result(
      'skipped',
      `bucket was not fresh: the first response was already 429 (${bucket}); wait ${w.seconds} s (from ${w.from}) and run again${tail}`,
      w.seconds,
    );
  }
  const mismatches = Object.entries(exp.counts).filter(([s, n]) => (r.counts[s] ?? 0) !== n);
  if (mismatches.length === 0) return result('passed', `${fmt(r.counts)} as expected${tail}`);

  let hint = '';
  let stale: number | undefined;
  if (exp.allowedNow !== undefined && r.first429Index !== null && r.first429Index < exp.allowedNow) {
    const w = wait();
    stale = w.seconds;
    hint = `; the first 429 came after ${r.first429Index} request(s), expected after ${exp.allowedNow} — if this identity was used in the last ${window.windowSeconds} s the bucket was partly drained: wait ${w.seconds} s and run again`;
  }
  const diff = mismatches.map(([s, n]) => `${r.counts[s] ?? 0}×${s} observed vs ${n}×${s} expected`).join(', ');
  return result('failed', `${diff} (all: ${fmt(r.counts)})${hint}${tail}`, waited === undefined ? stale : undefined);
}

function fmt(counts: Record<string, number>): string {
  const e = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
  return e.length ? e.map(([s, n]) => `${n}×${s}`).join(', ') : 'nothing';
}
