/**
 * Burst check: N identical requests sent at once (t = 0) with the check's identity, through the
 * rate-limit simulation of the policy on the route they reach (fresh buckets per check; the
 * Envoy replica of request i is i mod replicas). Predicted counts such as `100 × 200, 10 × 429`
 * are compared with the expected counts (statuses not listed are unconstrained).
 */
import type { Manifest } from '../../../model/manifest.js';
import {
  activeScopes,
  descriptorOf,
  formatCounts,
  type RateLimitRequest,
  type RateLimitRule,
  readRules,
  simulateRateLimit,
  statusCounts,
  unitMs,
  type ValueMatch,
} from '../../../simulate/policy/index.js';
import type { BurstCheck } from '../../../spec/checks.js';
import type { StaticContext } from '../context.js';
import { describeRoute, mapUrl, policyOfNeighbourRoute, type Routed, routeUrl } from '../target.js';
import type { StaticCheckResult } from '../types.js';
import { REACHABILITY_NOTE, statusReason } from './http.js';

type Raw = Record<string, unknown>;

function describeValue(h: ValueMatch): string {
  if (h.type === 'Distinct') return `${h.name} Distinct (a bucket per value; absent header: rule does not apply)`;
  const op = h.type === 'RegularExpression' ? (h.invert ? '!~' : '~') : h.invert ? '!=' : '==';
  const shown = h.type === 'RegularExpression' ? `/${h.value}/` : JSON.stringify(h.value);
  const literal =
    h.type !== 'RegularExpression' && h.value?.includes('*') ? ', Exact: a literal match, "*" is not a wildcard' : '';
  const inv = h.invert ? `, invert: matches every request whose ${h.name} does not match, header absent included` : '';
  return `${h.name} ${op} ${shown}${literal}${inv}`;
}

/** A rule in words: selectors and limit. */
export function describeRule(rule: RateLimitRule): string {
  const parts: string[] = [];
  for (const s of rule.selectors) {
    parts.push(...s.headers.map(describeValue));
    parts.push(...s.queryParams.map((q) => `query ${describeValue(q)}`));
    if (s.methods.length) parts.push(`method ${s.methods.map((m) => `${m.invert ? '!' : ''}${m.value}`).join('|')}`);
    if (s.path) parts.push(`path ${s.path.invert ? 'not ' : ''}${s.path.type} ${s.path.value}`);
    if (s.sourceCIDR) parts.push(`sourceCIDR ${s.sourceCIDR.type} ${s.sourceCIDR.value}`);
  }
  const sel = parts.length ? parts.join(' and ') : 'no clientSelectors (the route default bucket)';
  return `${rule.scope} rule ${rule.index} [${sel}] ${rule.limit.requests}/${rule.limit.unit}${rule.shared ? ' shared' : ''}`;
}

function ruleTrace(policy: Manifest, req: RateLimitRequest): string[] {
  const rl = ((policy as { spec?: Raw }).spec?.rateLimit ?? undefined) as Raw | undefined;
  const out: string[] = [];
  for (const scope of activeScopes(rl)) {
    for (const rule of readRules(rl, scope)) {
      if (scope === 'local' && rule.selectors.length === 0) {
        out.push(`${describeRule(rule)}: used only when no other local rule matches`);
        continue;
      }
      const key = descriptorOf(rule, req);
      out.push(
        `${describeRule(rule)}: ${key === null ? 'does not match' : `matches${key ? ` (key ${key})` : ' (one bucket shared by every matching request)'}`}`,
      );
    }
  }
  return out;
}

function identity(headers: Record<string, string>): string {
  const h = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  return h.length ? `with ${h.join(', ')}` : 'without headers';
}

/** Counts for N requests at t = 0 through a policy on one Envoy route, with the rules' trace. */
export function predictBurst(
  ctx: StaticContext,
  r: Routed,
  c: BurstCheck,
  policy = r.policy.effective?.policy,
  envoyRoute = r.envoyRoute,
): { counts: Record<string, number>; trace: string[] } {
  const routed = envoyRoute !== undefined && r.status !== 0 && r.status !== 500;
  if (!routed || !policy) return { counts: { [String(r.status)]: c.count }, trace: [] };
  const u = r.mapped.url;
  const reqs: RateLimitRequest[] = Array.from({ length: c.count }, () => ({
    t: 0,
    headers: c.headers,
    method: c.method,
    path: u.pathname + u.search,
    sourceIP: '127.0.0.1',
    route: envoyRoute as string,
  }));
  const decisions = simulateRateLimit(policy, reqs, {
    envoyReplicas: ctx.envoyReplicas,
    rateLimitService: ctx.opts.rateLimitService,
  });
  const statuses = decisions.map((d) => (d.status === 200 ? (r.status === 404 ? 200 : r.status) : d.status));
  const trace = ruleTrace(policy, reqs[0]);
  const first429 = decisions.findIndex((d) => d.status === 429);
  const by = first429 >= 0 ? decisions[first429].decidedBy : undefined;
  if (by) {
    const every = unitMs(by.limit.unit) / Math.max(1, by.limit.requests);
    const refill =
      by.scope === 'local'
        ? `; the bucket regains a token every ${every >= 1000 ? `${(every / 1000).toFixed(1)} s` : `${Math.round(every)} ms`} (continuous refill), so a loop slower than "at once" sees fewer 429s`
        : `; the window resets at the next whole ${by.limit.unit.toLowerCase()}`;
    trace.push(`request #${first429 + 1} is the first 429, refused by bucket "${by.bucket}"${refill}`);
  } else if (decisions[0]?.decidedBy) trace.push(`every request fits bucket "${decisions[0].decidedBy.bucket}"`);
  return { counts: statusCounts(statuses.map((status) => ({ status }))), trace };
}

export function checkBurst(ctx: StaticContext, c: BurstCheck): StaticCheckResult {
  const base = { kind: 'burst', expected: { count: c.count, counts: c.expect.counts }, raw: c.raw };
  const m = mapUrl(ctx, c.url);
  if (!m.ok) return { ...base, verdict: m.verdict, predicted: null, explanation: m.reason };
  const r = routeUrl(ctx, m.mapped, c.method, c.headers);
  const { counts, trace } = predictBurst(ctx, r, c);
  const mismatched = Object.entries(c.expect.counts).filter(([s, n]) => (counts[s] ?? 0) !== n);
  const head = `${c.count} × ${c.method} ${m.mapped.url.href} ${identity(c.headers)} at once → ${formatCounts(counts)}`;
  const where = `${describeRoute(r)}${r.status !== 200 ? ` (${statusReason(r)})` : ''}`;
  let policy = r.policy.effective ? '' : '; no BackendTrafficPolicy applies: nothing is rate limited';
  let predicted: Record<string, unknown> = { counts };
  const neighbour = r.status === 404 ? policyOfNeighbourRoute(ctx, r) : undefined;
  if (neighbour?.policy.effective) {
    const p = neighbour.policy.effective;
    const envoyRoute = `${neighbour.route} (once a rule matches ${m.mapped.url.pathname})`;
    const alt = predictBurst(ctx, { ...r, status: 404 }, c, p.policy, envoyRoute);
    predicted = { counts, onceRouted: { route: neighbour.route, policy: p.key, counts: alt.counts } };
    policy = `. Even once a rule of ${neighbour.route} serves it, its policy ${p.key} gives ${formatCounts(alt.counts)}: ${alt.trace.join('; ')}`;
  }
  const replicas = `${ctx.envoyReplicas} Envoy replica(s), fresh buckets; local limits multiply with replicas`;
  const notes = `${m.mapped.assumption}; ${replicas}; ${REACHABILITY_NOTE(m.mapped.url.origin)}`;
  const expected = Object.entries(c.expect.counts)
    .map(([s, n]) => `${n} × ${s}`)
    .join(', ');
  const why = trace.length ? ` Because: ${trace.join('; ')}.` : '';
  if (mismatched.length > 0)
    return {
      ...base,
      verdict: 'violated',
      predicted,
      explanation: `${head}, expected ${expected}. ${where}${policy}.${why} ${notes}`,
    };
  return {
    ...base,
    verdict: 'proved',
    predicted,
    explanation: `${head}, as expected. ${where}${policy}.${why} ${notes}`,
  };
}
