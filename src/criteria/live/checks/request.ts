import { type HttpResponse, httpRequest, ProbeError } from '../../../probe/index.js';
import { waitSeconds } from '../buckets.js';
import { type RunContext, waitForFresh } from '../context.js';
import { mapOrigin, type Target } from '../origin.js';
import type { CheckResult } from '../types.js';

export interface RequestSpec {
  method: string;
  url: string;
  headers: Record<string, string>;
  insecure: boolean;
}

export type Sent =
  | { target: Target; bucket: string; identity: string; response: HttpResponse; error?: undefined }
  | { target: Target; bucket: string; identity: string; response?: undefined; error: ProbeError };

/** Sends one request of a check (origin-mapped, Host/SNI kept) and records it in the bucket ledger. */
export async function sendOne(ctx: RunContext, spec: RequestSpec): Promise<Sent> {
  const target = mapOrigin(spec.url, ctx.opts.origins);
  const { bucket, identity } = ctx.ledger.bucketOf(spec.url, spec.headers);
  const headers = { ...spec.headers };
  if (target.hostHeader && !Object.keys(headers).some((k) => k.toLowerCase() === 'host'))
    headers.host = target.hostHeader;
  try {
    const response = await httpRequest({
      method: spec.method,
      url: target.url,
      headers,
      insecure: spec.insecure,
      servername: target.servername,
      ca: ctx.opts.ca,
      timeoutMs: ctx.opts.timeoutMs ?? 5000,
    });
    ctx.ledger.record(bucket, { at: ctx.now().getTime(), status: response.status, by: ctx.criterionId });
    return { target, bucket, identity, response };
  } catch (err) {
    const error = err instanceof ProbeError ? err : new ProbeError('probe/request-failed', String(err));
    ctx.ledger.record(bucket, { at: ctx.now().getTime(), status: 0, by: ctx.criterionId });
    return { target, bucket, identity, error };
  }
}

/**
 * `sendOne`, and when the answer is an unexpected 429 and `waitFresh` allows, wait once for the bucket and resend.
 * `waited` says how long it waited (for the explanation).
 */
export async function sendFresh(
  ctx: RunContext,
  spec: RequestSpec,
  expectedStatus: number | undefined,
): Promise<Sent & { waited?: number }> {
  const sent = await sendOne(ctx, spec);
  if (sent.response?.status !== 429 || expectedStatus === 429) return sent;
  const wait = waitSeconds(sent.response.headers, ctx.ledger.window(sent.identity).windowSeconds, ctx.now().getTime());
  if (!(await waitForFresh(ctx, wait.seconds))) return sent;
  ctx.ledger.forget(sent.bucket);
  return { ...(await sendOne(ctx, spec)), waited: wait.seconds };
}

/** ` (after waiting 12 s for a fresh bucket: the first try got 429)` */
export function waitedNote(waited: number | undefined): string {
  return waited === undefined ? '' : ` (after waiting ${waited} s for a fresh bucket: the first try got 429)`;
}

/** `GET http://localhost:8080/x (sent to http://127.0.0.1:18080/x)` */
export function describeTarget(method: string, t: Target): string {
  return `${method} ${t.original}${t.mapped ? ` (sent to ${t.url})` : ''}`;
}

/** A check that could not get an answer at all. */
export function unreachable(kind: string, expected: unknown, sent: Sent, raw?: string): CheckResult {
  const err = sent.error!;
  return {
    kind,
    verdict: 'failed',
    expected,
    observed: { error: err.code },
    explanation: `no answer: ${err.message}${sent.target.mapped ? '' : ' (if the gateway is elsewhere, map it with --origin FROM=TO)'}`,
    raw,
  };
}

/**
 * An unexpected 429 on a single request means the identity's bucket is empty (drained by this run
 * or an earlier one): inconclusive, so skipped, with how long to wait.
 */
export function rateLimited(ctx: RunContext, kind: string, expected: unknown, sent: Sent, raw?: string): CheckResult {
  const res = sent.response!;
  const now = ctx.now().getTime();
  const used = ctx.ledger.consumed(sent.bucket, sent.identity, now);
  const wait = waitSeconds(res.headers, ctx.ledger.window(sent.identity).windowSeconds, now);
  const byRun = used.length
    ? `; this run already sent ${used.length} request(s) to it (${[...new Set(used.map((e) => e.by))].join(', ')})`
    : '';
  return {
    kind,
    verdict: 'skipped',
    expected,
    observed: { status: 429 },
    explanation: `rate-limited: the ${sent.bucket} bucket was not fresh${byRun}; wait ${wait.seconds} s (from ${wait.from}) and run again`,
    raw,
  };
}
