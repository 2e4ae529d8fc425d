import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { deepEqual } from '../util/data.js';
import { btpsIn, rateLimitRulesOf, ruleLabel } from '../util/ratelimit.js';

/** Two rules of one rate-limit block with identical clientSelectors: one of them is shadowed. */
export const duplicateRateLimitSelector: Rule = {
  id: 'lint/duplicate-rate-limit-selector',
  severity: 'warning',
  docs: {
    description:
      'Rules with identical clientSelectors match the same requests. Local: only the strictest limit matters. Global: every matching rule counts, so the stricter one always wins. Either way one rule is shadowed.',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const policy of btpsIn(ctx)) {
      const rules = rateLimitRulesOf(policy);
      for (let j = 0; j < rules.length; j++) {
        const b = rules[j];
        if (b.selectors.length === 0) continue;
        const a = rules.slice(0, j).find((r) => r.mode === b.mode && deepEqual(r.selectors, b.selectors));
        if (!a) continue;
        out.push(
          finding(this, policy, [...b.path, 'clientSelectors'], {
            message: `${ruleLabel(b)} has the same clientSelectors as ${ruleLabel(a)}; both match the same requests, so the stricter limit always decides and the other is shadowed`,
            hint: 'delete one rule, or make the selectors differ',
          }),
        );
      }
    }
    return out;
  },
};
