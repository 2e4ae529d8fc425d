import type { Manifest } from '../../model/manifest.js';
import { type RateLimitUnit, simulateRateLimit, statusCounts, UNIT_MS } from '../../simulate/policy/index.js';
import type { BurstCheck } from '../../spec/checks.js';
import type { BurstPrediction, PredictionContext, RateLimitWindows } from './types.js';

/**
 * Burst predictions from the generated stack: the BackendTrafficPolicy rate limit simulated on the
 * burst's requests (after the `alreadySent` requests this run sent to the same bucket), back to back.
 * With several rate-limiting policies the one that applies cannot be told without routing, so none
 * is predicted (undefined) rather than guessed.
 */
export function burstPredictor(
  manifests: readonly Manifest[],
): ((check: BurstCheck, ctx: PredictionContext) => BurstPrediction | undefined) | undefined {
  const policies = manifests.filter(
    (m) => m.kind === 'BackendTrafficPolicy' && (m as { spec?: { rateLimit?: unknown } }).spec?.rateLimit !== undefined,
  );
  if (policies.length !== 1) return undefined;
  const policy = policies[0];
  return (check, ctx) => {
    const u = new URL(check.url);
    const total = ctx.alreadySent + check.count;
    const requests = Array.from({ length: total }, (_, i) => ({
      t: i, // 1 ms apart: one burst, well inside any window
      headers: check.headers,
      method: check.method,
      path: u.pathname + u.search,
      route: 'route',
    }));
    const decisions = simulateRateLimit(policy, requests).slice(ctx.alreadySent);
    const ns = policy.metadata.namespace ? `${policy.metadata.namespace}/` : '';
    return { counts: statusCounts(decisions), source: `simulator (BackendTrafficPolicy ${ns}${policy.metadata.name})` };
  };
}

/**
 * Identity header and window lengths from the stack's single rate-limiting BackendTrafficPolicy: the header of a
 * `Distinct` selector names the buckets; each rule's unit is its window (the longest per bucket kind). Limits are
 * not taken from the policy — expectations come from the spec, so a policy that disagrees still fails.
 */
export function rateLimitWindowsFrom(manifests: readonly Manifest[]): RateLimitWindows | undefined {
  const policies = manifests.filter(
    (m) => m.kind === 'BackendTrafficPolicy' && (m as Raw).spec?.rateLimit !== undefined,
  );
  if (policies.length !== 1) return undefined;
  const rl = (policies[0] as Raw).spec.rateLimit;
  const rules: Raw[] = [...(rl.local?.rules ?? []), ...(rl.global?.rules ?? [])];
  let header: string | undefined;
  let identified = 0;
  let anonymous = 0;
  for (const r of rules) {
    const unit = r.limit?.unit as RateLimitUnit | undefined;
    const seconds = unit && UNIT_MS[unit] ? UNIT_MS[unit] / 1000 : undefined;
    if (!seconds) continue;
    const headers: Raw[] = (r.clientSelectors ?? []).flatMap((s: Raw) => s.headers ?? []);
    const distinct = headers.find((h) => h.type === 'Distinct');
    if (distinct) {
      header ??= String(distinct.name).toLowerCase();
      identified = Math.max(identified, seconds);
    } else if (headers.some((h) => h.invert === true)) anonymous = Math.max(anonymous, seconds);
  }
  if (!header) return undefined;
  const perKey: NonNullable<RateLimitWindows['perKey']> = { '*': { windowSeconds: identified } };
  if (anonymous) perKey.anonymous = { windowSeconds: anonymous };
  return { header, perKey };
}

// biome-ignore lint/suspicious/noExplicitAny: raw manifest fields, checked as read
type Raw = Record<string, any>;
