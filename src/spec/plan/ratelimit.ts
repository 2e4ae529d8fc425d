import type { Diagnostic } from '../../model/diagnostic.js';
import type { RateLimitSpec, TierSpec } from '../schema/ratelimit.js';
import type { PlanRateLimitRule, PlanSelector } from './types.js';

const UNIT_SECONDS = { Second: 1, Minute: 60, Hour: 3600, Day: 86400 } as const;

function selectorOf(t: TierSpec): PlanSelector | undefined {
  const s: Required<Pick<PlanSelector, 'headers' | 'methods'>> & PlanSelector = { headers: [], methods: [] };
  const m = t.match;
  if (t.key?.header) s.headers.push({ name: t.key.header, type: 'Distinct' });
  if (m.headerPresent && m.headerPresent.toLowerCase() !== t.key?.header?.toLowerCase())
    s.headers.push({ name: m.headerPresent, type: 'RegularExpression', value: '.*' });
  // "Header absent" is an inverted match-anything regex: the descriptor is produced when the header is missing.
  if (m.headerAbsent) s.headers.push({ name: m.headerAbsent, type: 'RegularExpression', value: '.*', invert: true });
  for (const h of m.headers)
    s.headers.push({ name: h.name, type: h.type, value: h.value, ...(h.invert ? { invert: true } : {}) });
  s.methods = m.methods.map((value) => ({ value }));
  if (m.path) s.path = { type: 'PathPrefix', value: m.path };
  if (t.key?.sourceIP) s.sourceCIDR = { type: 'Distinct', value: m.sourceCIDR ?? '0.0.0.0/0' };
  else if (m.sourceCIDR) s.sourceCIDR = { type: 'Exact', value: m.sourceCIDR };
  const empty = !s.headers.length && !s.methods.length && !s.path && !s.sourceCIDR;
  if (empty) return undefined;
  // Only the conditions that are set: an empty list would still be emitted as `methods: []`.
  return Object.fromEntries(
    Object.entries(s).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  ) as PlanSelector;
}

export interface RateLimitPlanResult {
  rules: PlanRateLimitRule[];
  diagnostics: Diagnostic[];
}

/**
 * Turns rate-limit tiers into Envoy Gateway rules that do what the tier says:
 * per-client keys are `Distinct`, "header absent" is `RegularExpression ".*"` + `invert`,
 * and nothing relies on a `*` wildcard (HeaderMatch has none).
 */
export function planRateLimit(rl: RateLimitSpec, envoyReplicas: number, routeCount: number): RateLimitPlanResult {
  const diagnostics: Diagnostic[] = [];
  const rules: PlanRateLimitRule[] = rl.tiers.map((t) => {
    const sel = selectorOf(t);
    return {
      tier: t.name,
      clientSelectors: sel ? [sel] : [],
      limit: { requests: t.limit.requests, unit: t.limit.unit },
      ...(t.shared ? { shared: true } : {}),
    };
  });
  const base = ['rateLimit'];
  if (rl.scope === 'local') {
    const defaults = rules.filter((r) => r.clientSelectors.length === 0);
    if (defaults.length > 1)
      diagnostics.push({
        code: 'plan/local-multiple-default-tiers',
        severity: 'error',
        path: 'rateLimit.tiers',
        message: `local rate limits allow one tier without match conditions (the route's default bucket); found ${defaults.length}: ${defaults.map((d) => d.tier).join(', ')}`,
        hint: 'give all but one of them a match (headerAbsent, headers, methods, path or sourceCIDR)',
      });
    const def = defaults[0];
    if (def)
      for (const r of rules)
        if (r !== def && UNIT_SECONDS[r.limit.unit] % UNIT_SECONDS[def.limit.unit] !== 0)
          diagnostics.push({
            code: 'plan/local-unit-not-multiple',
            severity: 'error',
            path: 'rateLimit.tiers',
            message: `tier "${r.tier}" uses unit ${r.limit.unit}, which is not a multiple of the default tier's unit ${def.limit.unit}; Envoy Gateway rejects the policy (Accepted=False) and the route answers 500`,
            hint: `use ${def.limit.unit} or a longer unit for "${r.tier}", or a shorter unit for "${def.tier}"`,
          });
    if (rules.some((r) => r.shared))
      diagnostics.push({
        code: 'plan/shared-needs-global',
        severity: 'error',
        path: 'rateLimit.tiers',
        message: 'shared buckets across routes exist only for global rate limits',
        hint: 'set rateLimit.scope: global, or drop shared',
      });
    const keyed = rl.tiers.filter((t) => t.key?.header || t.key?.sourceIP);
    if (envoyReplicas > 1 && keyed.length)
      diagnostics.push({
        code: 'plan/local-limit-per-replica',
        severity: 'warning',
        path: [...base, 'scope'].join('.'),
        message: `local limits are enforced by each Envoy replica separately: with ${envoyReplicas} replicas a client of tier "${keyed[0].name}" can get up to ${envoyReplicas} × ${keyed[0].limit.requests} per ${keyed[0].limit.unit.toLowerCase()}, depending on which replica its connections reach`,
        hint: 'for an exact per-client quota across replicas use rateLimit.scope: global (needs the Envoy Gateway rate-limit service and Redis)',
      });
    if (routeCount > 1 || rl.target === 'gateway')
      diagnostics.push({
        code: 'plan/bucket-per-route',
        severity: 'info',
        path: 'rateLimit.target',
        message: `each route has its own buckets (${routeCount} route${routeCount === 1 ? '' : 's'}): a client's limit applies per route, not across them`,
        hint: 'for one bucket across routes use scope: global with shared: true',
      });
  } else {
    diagnostics.push({
      code: 'plan/global-needs-ratelimit-service',
      severity: 'info',
      path: 'rateLimit.scope',
      message:
        'global rate limits need the Envoy Gateway rate-limit service: set rateLimit.backend (Redis) in the envoy-gateway-config ConfigMap, or the policy is Accepted=False and the route answers 500',
      hint: 'see references/ratelimit.md',
    });
  }
  return { rules, diagnostics };
}
