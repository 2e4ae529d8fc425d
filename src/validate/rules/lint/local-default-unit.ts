import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { obj, str } from '../util/data.js';
import { btpsIn, rateLimitRulesOf, ruleLabel, UNIT_SECONDS } from '../util/ratelimit.js';

/** Local rate limit: every rule's unit must be a multiple of the default (first selector-less) rule's unit. */
export const localDefaultUnit: Rule = {
  id: 'lint/local-default-unit',
  severity: 'error',
  docs: {
    description:
      "Envoy Gateway uses the first local rule without clientSelectors as the default bucket; every other local rule's unit must be a multiple of its unit, or the policy is Accepted=False and the routes answer HTTP 500.",
    url: 'https://gateway.envoyproxy.io/docs/tasks/traffic/local-rate-limit/',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const policy of btpsIn(ctx)) {
      const local = rateLimitRulesOf(policy).filter((r) => r.mode === 'local');
      const def = local.find((r) => r.selectors.length === 0);
      if (!def) continue;
      const defUnit = str(obj(def.raw.limit).unit) ?? '';
      const base = UNIT_SECONDS[defUnit];
      if (!base) continue;
      for (const r of local) {
        if (r === def) continue;
        const unit = str(obj(r.raw.limit).unit) ?? '';
        const s = UNIT_SECONDS[unit];
        if (!s || s % base === 0) continue;
        out.push(
          finding(this, policy, [...r.path, 'limit', 'unit'], {
            message: `${ruleLabel(r)} uses unit ${unit}, which is not a multiple of the default rule's unit ${defUnit} (${ruleLabel(def)}): Envoy Gateway rejects the policy ("local rateLimit rule limit unit must be a multiple of the default limit unit"), sets Accepted=False, and the targeted routes answer HTTP 500`,
            hint: `express ${ruleLabel(r)} per ${defUnit} or longer (e.g. multiply the requests), or change the default rule's unit`,
          }),
        );
      }
    }
    return out;
  },
};
