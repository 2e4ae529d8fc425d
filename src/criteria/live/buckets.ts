import type { RateLimitWindows } from './types.js';

/**
 * Rate limits are stateful. The ledger remembers every request this run sent, per bucket,
 * so that a burst's expectation can account for tokens the run itself already used.
 */
export interface BucketEntry {
  at: number;
  status: number;
  /** Criterion that sent it, e.g. SC-001. */
  by: string;
}

export class BucketLedger {
  private readonly entries = new Map<string, BucketEntry[]>();

  constructor(private readonly windows: RateLimitWindows = {}) {}

  /** Bucket of a request: identity (header value or `anonymous`), scoped as configured. */
  bucketOf(originalUrl: string, headers: Record<string, string>): { bucket: string; identity: string } {
    const name = (this.windows.header ?? 'x-user-id').toLowerCase();
    const value = Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
    const identity = value ? `${name}=${value}` : 'anonymous';
    const u = new URL(originalUrl);
    const scope = this.windows.scope ?? 'gateway';
    const prefix = scope === 'origin' ? `${u.origin} ` : scope === 'route' ? `${u.origin}${u.pathname} ` : '';
    return { bucket: prefix + identity, identity: value ?? 'anonymous' };
  }

  record(bucket: string, entry: BucketEntry): void {
    const list = this.entries.get(bucket) ?? [];
    list.push(entry);
    this.entries.set(bucket, list);
  }

  /** Forgets a bucket's requests (after waiting for it to be fresh again). */
  forget(bucket: string): void {
    this.entries.delete(bucket);
  }

  /** Requests that took a token (not 429, not failed) within the window ending at `now`. */
  consumed(bucket: string, identity: string, now: number): BucketEntry[] {
    const since = now - this.window(identity).windowSeconds * 1000;
    return (this.entries.get(bucket) ?? []).filter((e) => e.at >= since && e.status !== 429 && e.status !== 0);
  }

  /** Requests sent to the bucket within the window ending at `now` that got an answer (any status). */
  sent(bucket: string, identity: string, now: number): number {
    const since = now - this.window(identity).windowSeconds * 1000;
    return (this.entries.get(bucket) ?? []).filter((e) => e.at >= since && e.status !== 0).length;
  }

  window(identity: string): { windowSeconds: number; limit?: number } {
    const per = this.windows.perKey ?? {};
    return per[identity] ?? per['*'] ?? { windowSeconds: 60 };
  }
}

export interface AdjustedExpectation {
  counts: Record<string, number>;
  /** Successes the declared expectation implies for a fresh bucket, if it describes a limit. */
  allowedFresh?: number;
  /** Successes still expected after the run's own earlier requests. */
  allowedNow?: number;
  adjusted: boolean;
}

/**
 * A burst expectation that includes 429 describes a limit: with N requests and E[429] rejections,
 * N − E[429] succeed on a fresh bucket (or E[200] when given). Tokens the run already used shift
 * successes into rejections.
 */
export function adjustExpectation(
  declared: Record<string, number>,
  count: number,
  alreadyConsumed: number,
  knownLimit?: number,
): AdjustedExpectation {
  const has429 = declared['429'] !== undefined;
  if (!has429 && knownLimit === undefined) return { counts: { ...declared }, adjusted: false };
  const allowedFresh =
    declared['200'] !== undefined
      ? declared['200']
      : has429
        ? count - declared['429']
        : Math.min(count, knownLimit ?? count);
  const capacity = knownLimit ?? allowedFresh;
  const allowedNow = Math.max(0, Math.min(allowedFresh, count, capacity - alreadyConsumed));
  const shift = allowedFresh - allowedNow;
  const counts = { ...declared };
  if (shift > 0) {
    if (counts['200'] !== undefined) counts['200'] = allowedNow;
    counts['429'] = (declared['429'] ?? 0) + shift;
  }
  return { counts, allowedFresh, allowedNow, adjusted: shift > 0 };
}

/**
 * Seconds to wait before the bucket is fresh again: `Retry-After` (seconds or HTTP date),
 * then `X-RateLimit-Reset` / `RateLimit-Reset` (seconds, or a Unix time), else the window length.
 */
export function waitSeconds(
  headers: Record<string, string>,
  windowSeconds: number,
  now: number,
): { seconds: number; from: string } {
  const ra = headers['retry-after'];
  if (ra) {
    if (/^\d+$/.test(ra.trim())) return { seconds: Number(ra), from: `Retry-After: ${ra}` };
    const t = Date.parse(ra);
    if (!Number.isNaN(t)) return { seconds: Math.max(0, Math.ceil((t - now) / 1000)), from: `Retry-After: ${ra}` };
  }
  for (const h of ['x-ratelimit-reset', 'ratelimit-reset']) {
    const v = headers[h];
    if (v && /^\d+(\.\d+)?$/.test(v.trim())) {
      const n = Number(v);
      const seconds = n > 1e9 ? Math.max(0, Math.ceil(n - now / 1000)) : Math.ceil(n);
      return { seconds, from: `${h}: ${v}` };
    }
  }
  return {
    seconds: windowSeconds,
    from: `the ${windowSeconds} s limit window (no Retry-After or X-RateLimit-Reset header)`,
  };
}
