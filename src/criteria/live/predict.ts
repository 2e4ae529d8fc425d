import type { Manifest } from '../../model/manifest.js';
import { simulateRateLimit, statusCounts } from '../../simulate/policy/index.js';
import type { BurstCheck } from '../../spec/checks.js';
import type { BurstPrediction, PredictionContext } from './types.js';

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
