import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { arr, obj } from '../util/data.js';
import { attachmentsTo } from '../util/gateway.js';
import { resolvedTargetsOf, targetRefsOf } from '../util/policy.js';
import { btpsIn, rateLimitRulesOf } from '../util/ratelimit.js';

/** A rate-limit policy on a Gateway or on several routes gives every route its own bucket. */
export const bucketPerRoute: Rule = {
  id: 'lint/bucket-per-route',
  severity: 'warning',
  docs: {
    description:
      'Envoy Gateway applies rate limits per route: a BackendTrafficPolicy targeting a Gateway (or several routes) does not create one shared limit but one bucket per route. Use shared: true on global rules for a cross-route bucket.',
    url: 'https://gateway.envoyproxy.io/docs/concepts/rate-limiting/',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const policy of btpsIn(ctx)) {
      const rules = rateLimitRulesOf(policy).filter((r) => !(r.mode === 'global' && r.raw.shared === true));
      if (rules.length === 0) continue;
      const targets = resolvedTargetsOf(ctx, policy);
      const gateway = targetRefsOf(policy).find((t) => t.kind === 'Gateway' || t.kind === 'ListenerSet');
      const routeTargets = targets.filter((t) => t.target.object.kind.endsWith('Route'));
      const selectors = arr(obj(policy.object.spec).targetSelectors).length > 0;
      if (gateway) {
        const gw = ctx.find(gateway.kind, policy.namespace, gateway.name);
        const n = gw ? new Set(attachmentsTo(ctx, gw).map((a) => a.route.name)).size : undefined;
        out.push(
          finding(this, policy, gateway.path, {
            message: `this rate limit targets ${gateway.kind} ${gateway.name}, but Envoy Gateway enforces it per route: each route on the ${gateway.kind}${n ? ` (${n} in the set)` : ''} gets its own bucket, so the total allowed is the limit × the number of routes`,
            hint: 'for one bucket across routes use a global rule with shared: true; otherwise state the limit as per-route',
          }),
        );
      } else if (routeTargets.length > 1 || selectors) {
        out.push(
          finding(this, policy, selectors ? ['spec', 'targetSelectors'] : ['spec', 'targetRefs'], {
            message: `this rate limit applies to ${selectors ? 'every selected route' : `${routeTargets.length} routes`}, each with its own bucket (limits are per route)`,
            hint: 'for one bucket across routes use a global rule with shared: true',
          }),
        );
      }
    }
    return out;
  },
};
