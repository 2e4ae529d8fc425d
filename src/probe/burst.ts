import http from 'node:http';
import https from 'node:https';
import { ProbeError } from './errors.js';
import { httpRequest } from './http.js';

/** N requests from one identity, with bounded concurrency, stopping after N or after the time budget. */
export interface BurstOptions {
  url: string;
  /** @default 'GET' */
  method?: string;
  headers?: Record<string, string>;
  count: number;
  /** Requests in flight at once. 1 sends them one after another, like a `curl` loop. @default 1 */
  concurrency?: number;
  /** Connection reuse; when absent a keep-alive agent is created for the burst and destroyed after it. */
  agent?: http.Agent;
  /** Stop sending after this long, even if fewer than `count` were sent. @default 30000 */
  timeBudgetMs?: number;
  /** Deadline of each request. @default 5000 */
  requestTimeoutMs?: number;
  insecure?: boolean;
  servername?: string;
  ca?: string | string[];
}

export interface BurstResult {
  /** Requests started. */
  sent: number;
  /** Number of responses per status code (`"200"`, `"429"`); failed requests count under `"error"`. */
  counts: Record<string, number>;
  /** Status of each request in send order; 0 for a request that failed without a response. */
  statuses: number[];
  /** Index (0-based, send order) of the first 429, or null. */
  first429Index: number | null;
  /** Rate-limit headers of the first 429 (retry-after, x-ratelimit-*), if any. */
  rateLimitHeaders: Record<string, string>;
  /** Headers of the first response. */
  firstHeaders: Record<string, string>;
  errors: { index: number; code: string; message: string }[];
  durationMs: number;
  /** Why sending stopped. */
  stoppedBy: 'count' | 'time';
}

const RATE_LIMIT_HEADER = /^(retry-after|x-ratelimit-.*|ratelimit-.*|x-envoy-ratelimited)$/;

/** Sends the burst and tallies the statuses. Never throws for per-request failures; they are counted. */
export async function burst(opts: BurstOptions): Promise<BurstResult> {
  if (!Number.isInteger(opts.count) || opts.count < 1)
    throw new ProbeError('probe/bad-count', `burst count must be ≥ 1`);
  const concurrency = Math.max(1, Math.min(opts.concurrency ?? 1, opts.count));
  const isHttps = new URL(opts.url).protocol === 'https:';
  const ownAgent = opts.agent
    ? undefined
    : isHttps
      ? new https.Agent({ keepAlive: true, maxSockets: concurrency })
      : new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const agent = opts.agent ?? ownAgent;
  const budget = opts.timeBudgetMs ?? 30_000;
  const t0 = performance.now();
  const statuses: number[] = new Array(opts.count).fill(-1);
  const errors: BurstResult['errors'] = [];
  let rateLimitHeaders: Record<string, string> = {};
  let firstHeaders: Record<string, string> = {};
  let next = 0;
  let stoppedBy: BurstResult['stoppedBy'] = 'count';

  const worker = async () => {
    for (;;) {
      if (next >= opts.count) return;
      const elapsed = performance.now() - t0;
      if (elapsed >= budget) {
        stoppedBy = 'time';
        return;
      }
      const i = next++;
      try {
        const res = await httpRequest({
          method: opts.method,
          url: opts.url,
          headers: opts.headers,
          agent,
          insecure: opts.insecure,
          servername: opts.servername,
          ca: opts.ca,
          maxBodyBytes: 1024,
          timeoutMs: Math.max(1, Math.min(opts.requestTimeoutMs ?? 5000, budget - elapsed)),
        });
        statuses[i] = res.status;
        if (i === 0) firstHeaders = res.headers;
        if (res.status === 429 && Object.keys(rateLimitHeaders).length === 0) {
          rateLimitHeaders = Object.fromEntries(Object.entries(res.headers).filter(([k]) => RATE_LIMIT_HEADER.test(k)));
        }
      } catch (err) {
        statuses[i] = 0;
        const e = err as ProbeError;
        errors.push({ index: i, code: e.code ?? 'probe/request-failed', message: e.message });
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    ownAgent?.destroy();
  }
  const sent = statuses.filter((s) => s !== -1).length;
  const done = statuses.slice(0, sent);
  const counts: Record<string, number> = {};
  for (const s of done) {
    const key = s === 0 ? 'error' : String(s);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  const i429 = done.indexOf(429);
  return {
    sent,
    counts,
    statuses: done,
    first429Index: i429 === -1 ? null : i429,
    rateLimitHeaders,
    firstHeaders,
    errors: errors.sort((a, b) => a.index - b.index),
    durationMs: performance.now() - t0,
    stoppedBy,
  };
}
