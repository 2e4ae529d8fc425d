import type { TlsInspection } from '../../probe/index.js';
import type { BucketLedger } from './buckets.js';
import type { CheckResult, VerifyOptions } from './types.js';

/** What every check runner gets: options, the run's bucket ledger, and a cache of TLS inspections. */
export interface RunContext {
  opts: VerifyOptions;
  ledger: BucketLedger;
  now(): Date;
  criterionId: string;
  tlsCache: Map<string, Promise<TlsInspection>>;
  /** Shared by the run: whether it already waited for a fresh bucket (it waits at most once). */
  freshWait: { waitedSeconds?: number };
}

/**
 * With `opts.waitFresh`, waits once per run (up to that many seconds) for a rate-limit bucket an earlier run
 * drained, then the caller retries. True when it waited.
 */
export async function waitForFresh(ctx: RunContext, seconds: number): Promise<boolean> {
  const max = ctx.opts.waitFresh ?? 0;
  if (ctx.freshWait.waitedSeconds !== undefined || seconds > max || max <= 0) return false;
  ctx.freshWait.waitedSeconds = seconds;
  await new Promise((r) => setTimeout(r, seconds * 1000 + 500));
  return true;
}

/** A runner's output: check results and one evidence line. */
export interface Outcome {
  results: CheckResult[];
  evidence: string;
}
