import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { btpsIn, headersOf, rateLimitRulesOf, ruleLabel } from '../util/ratelimit.js';

/** A rate-limit header selector with Exact (or unset) type and value "*": a literal match, not a wildcard. */
export const exactStarHeader: Rule = {
  id: 'lint/exact-star-header',
  severity: 'warning',
  docs: {
    description:
      'Rate-limit header matches have no wildcard: with type Exact (the default) value "*" matches only the literal string "*". Use type Distinct (a bucket per value) or RegularExpression ".*" (one shared bucket) for "header present".',
    url: 'https://gateway.envoyproxy.io/docs/api/extension_types/#headermatch',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const policy of btpsIn(ctx)) {
      for (const rule of rateLimitRulesOf(policy)) {
        for (const h of headersOf(rule)) {
          if (h.type !== 'Exact' || h.value !== '*' || h.invert) continue;
          out.push(
            finding(this, policy, [...h.path, 'value'], {
              message: `${ruleLabel(rule)} matches header ${h.name} with type Exact and value "*": that is a literal, so the rule only applies to requests that send "${h.name}: *" (anyone can send that to get this limit)`,
              hint: `for "header present" use {name: ${h.name}, type: Distinct} (a bucket per value) or {name: ${h.name}, type: RegularExpression, value: ".*"} (one shared bucket)`,
            }),
          );
        }
      }
    }
    return out;
  },
};
