import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { btpsIn, headersOf, rateLimitRulesOf, ruleLabel } from '../util/ratelimit.js';

/** An inverted Exact "*" header selector: it matches every request whose header is not literally "*", real users included. */
export const invertedExactStar: Rule = {
  id: 'lint/inverted-exact-star',
  severity: 'warning',
  docs: {
    description:
      'invert: true on an Exact "*" header match selects every request whose header is not literally "*": requests without the header and every real user alike. For "header absent" use RegularExpression ".*" with invert: true.',
    url: 'https://gateway.envoyproxy.io/docs/api/extension_types/#headermatch',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const policy of btpsIn(ctx)) {
      for (const rule of rateLimitRulesOf(policy)) {
        for (const h of headersOf(rule)) {
          if (h.type !== 'Exact' || h.value !== '*' || !h.invert) continue;
          out.push(
            finding(this, policy, [...h.path, 'invert'], {
              message: `${ruleLabel(rule)} inverts an Exact "*" match on ${h.name}: it applies to every request whose ${h.name} is not literally "*" — requests without the header and every real user — so almost all traffic lands in this rule's limit`,
              hint: `for "header absent" use {name: ${h.name}, type: RegularExpression, value: ".*", invert: true}`,
            }),
          );
        }
      }
    }
    return out;
  },
};
