import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { btpsIn, headersOf, looksLikeIdentity, rateLimitRulesOf, ruleLabel } from '../util/ratelimit.js';

/** A rule keyed on an identity-like header without type Distinct: one bucket shared by all matching callers. */
export const perUserSharedBucket: Rule = {
  id: 'lint/per-user-shared-bucket',
  severity: 'warning',
  docs: {
    description:
      'A rate-limit rule on a header such as x-user-id, client, tenant, api-key or authorization that is not type Distinct counts every matching request in one shared bucket; per-caller limits need type: Distinct.',
    url: 'https://gateway.envoyproxy.io/docs/tasks/traffic/global-rate-limit/',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const policy of btpsIn(ctx)) {
      for (const rule of rateLimitRulesOf(policy)) {
        for (const h of headersOf(rule)) {
          if (h.invert || !looksLikeIdentity(h.name)) continue;
          const patternLike = h.type === 'RegularExpression' || (h.type === 'Exact' && h.value === '*');
          if (!patternLike) continue;
          out.push(
            finding(this, policy, [...h.path, 'type'], {
              message: `${ruleLabel(rule)} looks per-caller (header ${h.name}) but uses type ${h.type}: all matching requests share ONE bucket, so one busy caller exhausts the limit for everyone`,
              hint: `use {name: ${h.name}, type: Distinct} to give each distinct ${h.name} value its own bucket`,
            }),
          );
        }
      }
    }
    return out;
  },
};
