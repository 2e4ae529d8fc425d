import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { btpsIn, rateLimitRulesOf, ruleLabel } from '../util/ratelimit.js';

/** More than one local rule without clientSelectors: the translator rejects the policy. */
export const multipleDefaultLocalRules: Rule = {
  id: 'lint/multiple-default-local-rules',
  severity: 'error',
  docs: {
    description:
      'A local rate limit can have only one rule without clientSelectors (the default bucket); with more, Envoy Gateway sets Accepted=False and the routes answer HTTP 500.',
    url: 'https://gateway.envoyproxy.io/docs/tasks/traffic/local-rate-limit/',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const policy of btpsIn(ctx)) {
      const defaults = rateLimitRulesOf(policy).filter((r) => r.mode === 'local' && r.selectors.length === 0);
      for (const r of defaults.slice(1)) {
        out.push(
          finding(this, policy, r.path, {
            message: `${ruleLabel(r)} is a second local rule without clientSelectors (the first is ${ruleLabel(defaults[0])}): "local rateLimit can not have more than one rule without clientSelectors", so the policy is Accepted=False and the routes answer HTTP 500`,
            hint: 'keep one selector-less rule (the default bucket) and give the others clientSelectors',
          }),
        );
      }
    }
    return out;
  },
};
