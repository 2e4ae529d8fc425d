/**
 * HTTP status check: route the request, apply the BackendTrafficPolicy, and compare the status.
 * The status is decided from the configuration (`proved` / `violated`); whether the origin (e.g.
 * localhost:8080) reaches the listener at all depends on a port-forward or LoadBalancer and is
 * noted in the evidence, not in the verdict. A request that reaches a Service the stack does not
 * contain and nobody declared is `needs-live`.
 */
import { simulateRateLimit } from '../../../simulate/policy/index.js';
import type { HttpCheck } from '../../../spec/checks.js';
import type { StaticContext } from '../context.js';
import { describeRoute, mapUrl, type Routed, routeUrl } from '../target.js';
import type { StaticCheckResult } from '../types.js';

export const REACHABILITY_NOTE = (origin: string) =>
  `reaching ${origin} itself depends on a port-forward or LoadBalancer (needs a live check)`;

/** Backends a request reaches with non-zero weight. */
export function reachedBackends(r: Routed): string[] {
  const res = r.routed.result;
  if (res.backend) return [res.backend];
  return Object.entries(res.weightedBackends ?? {})
    .filter(([, w]) => w > 0)
    .map(([k]) => k);
}

/** Backends that exist only as assumptions nobody declared. */
export function undeclaredBackends(ctx: StaticContext, r: Routed): string[] {
  return reachedBackends(r).filter((b) => {
    const a = ctx.assumed.get(`Service ${b}`);
    return a !== undefined && a.declaredBy === undefined;
  });
}

/** Why a routed request got its status, in words (404/421/500/0 reasons, invalid policy). */
export function statusReason(r: Routed): string {
  if (r.policy.status500 && r.routed.result.route) return r.policy.status500;
  const res = r.routed.result;
  const split = res.weightedBackends && res.status === 200 && res.reason ? ` (${res.reason})` : '';
  return res.reason && res.status !== 200 ? res.reason : `routed${split}`;
}

/** A single request can already be refused (a limit of 0): the reason, or undefined. */
function firstRequestLimited(ctx: StaticContext, r: Routed, c: HttpCheck): string | undefined {
  const policy = r.policy.effective?.policy;
  if (!policy || !r.envoyRoute || r.status === 0 || r.status === 500) return undefined;
  const u = r.mapped.url;
  const [d] = simulateRateLimit(
    policy,
    [
      {
        t: 0,
        headers: c.headers,
        method: c.method,
        path: u.pathname + u.search,
        sourceIP: '127.0.0.1',
        route: r.envoyRoute,
      },
    ],
    {
      envoyReplicas: ctx.envoyReplicas,
      rateLimitService: ctx.opts.rateLimitService,
    },
  );
  return d?.status === 429
    ? `even a first request is refused (429) by bucket "${d.decidedBy?.bucket}" (${d.decidedBy?.limit.requests}/${d.decidedBy?.limit.unit})`
    : undefined;
}

export function checkHttp(ctx: StaticContext, c: HttpCheck): StaticCheckResult {
  const base = { kind: 'http', expected: { status: c.expect.status }, raw: c.raw };
  const m = mapUrl(ctx, c.url);
  if (!m.ok) return { ...base, verdict: m.verdict, predicted: null, explanation: m.reason };
  const r = routeUrl(ctx, m.mapped, c.method, c.headers);
  const notes = [m.mapped.assumption, REACHABILITY_NOTE(m.mapped.url.origin), ...r.policy.notes];
  const res = r.routed.result;
  const limited = firstRequestLimited(ctx, r, c);
  if (limited) r.status = 429;
  const partial500 = res.status === 200 && res.weightedBackends && res.reason ? res.reason : undefined;
  const predicted = {
    status: r.status,
    ...(res.backend ? { backend: res.backend } : {}),
    ...(res.weightedBackends ? { weightedBackends: res.weightedBackends } : {}),
  };
  const line = describeRoute(r);
  if (r.status !== c.expect.status) {
    return {
      ...base,
      verdict: 'violated',
      predicted,
      explanation: `${line}; expected ${c.expect.status}: ${limited ?? statusReason(r)}. ${notes.join('; ')}`,
    };
  }
  if (partial500)
    return { ...base, verdict: 'violated', predicted, explanation: `${line}; but ${partial500}. ${notes.join('; ')}` };
  const undeclared = undeclaredBackends(ctx, r);
  if (undeclared.length > 0)
    return {
      ...base,
      verdict: 'needs-live',
      predicted,
      explanation: `${line} if Service ${undeclared.join(', ')} exists: it is neither in the stack nor declared in the spec. ${notes.join('; ')}`,
    };
  return { ...base, verdict: 'proved', predicted, explanation: `${line}. ${notes.join('; ')}` };
}
