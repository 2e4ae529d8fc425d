import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { num, obj, str } from '../util/data.js';
import { envoyReplicas } from '../util/envoy.js';
import { btpsIn, rateLimitRulesOf, ruleLabel } from '../util/ratelimit.js';

/** Local rate limits are per Envoy replica: with N replicas the effective limit is up to N × the configured one. */
export const localLimitReplicas: Rule = {
  id: 'lint/local-limit-replicas',
  severity: 'warning',
  docs: {
    description:
      'A local rate limit is enforced by each Envoy replica on its own; with N replicas a client can get up to N × the limit. Use a global limit (shared Redis counters) for a cluster-wide quota.',
    url: 'https://gateway.envoyproxy.io/docs/tasks/traffic/local-rate-limit/',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    const envoy = envoyReplicas(ctx);
    if (!envoy || envoy.replicas <= 1) return out;
    for (const policy of btpsIn(ctx)) {
      const local = rateLimitRulesOf(policy).filter((r) => r.mode === 'local');
      if (local.length === 0) continue;
      const r = local[0];
      const limit = obj(r.raw.limit);
      const req = num(limit.requests);
      const unit = str(limit.unit) ?? 'unit';
      out.push(
        finding(this, policy, ['spec', 'rateLimit', 'local'], {
          message: `local limits are per Envoy replica and ${envoy.source} is ${envoy.replicas}: ${ruleLabel(r)} (${req ?? '?'}/${unit}) lets each of its buckets pass up to ${req !== undefined ? req * envoy.replicas : `${envoy.replicas}×`}/${unit} in total`,
          hint: 'use rateLimit.global (Redis-backed, shared by all replicas) for a true quota, or divide the local limit by the replica count and pin the replica count',
        }),
      );
    }
    return out;
  },
};
