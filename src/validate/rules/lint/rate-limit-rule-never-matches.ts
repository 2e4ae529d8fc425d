import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { btpsIn, type HeaderSelector, headersOf, rateLimitRulesOf, ruleLabel } from '../util/ratelimit.js';
import { compileRe2 } from '../util/re2.js';

/** Why two header conditions on the same header (ANDed in one selector) can never both hold, or undefined. */
function contradiction(a: HeaderSelector, b: HeaderSelector): string | undefined {
  const exact = (h: HeaderSelector) => h.type === 'Exact' && h.value !== undefined;
  if (exact(a) && exact(b) && !a.invert && !b.invert && a.value !== b.value)
    return `it must equal both "${a.value}" and "${b.value}"`;
  if (exact(a) && exact(b) && a.value === b.value && a.invert !== b.invert)
    return `it must both equal and not equal "${a.value}"`;
  for (const [e, r] of [
    [a, b],
    [b, a],
  ]) {
    if (!exact(e) || e.invert || r.type !== 'RegularExpression' || r.value === undefined) continue;
    const re = compileRe2(r.value);
    if (re instanceof RegExp && re.test(e.value ?? '') === r.invert) {
      return `it must equal "${e.value}" and ${r.invert ? 'not ' : ''}match /${r.value}/, which "${e.value}" ${r.invert ? 'does' : 'does not'}`;
    }
  }
  const present = (h: HeaderSelector) => h.type === 'Distinct' || (!h.invert && h.value !== undefined);
  const absentOnly = (h: HeaderSelector) => h.type === 'RegularExpression' && h.invert && h.value === '.*';
  if ((present(a) && absentOnly(b)) || (present(b) && absentOnly(a))) return 'it must be both present and absent';
  return undefined;
}

/** A rate-limit selector whose header conditions contradict each other: the rule never applies. */
export const rateLimitRuleNeverMatches: Rule = {
  id: 'lint/rate-limit-rule-never-matches',
  severity: 'warning',
  docs: {
    description:
      'Header conditions in one clientSelector are ANDed; two conditions on the same header that cannot both hold (two Exact values, Exact vs a RegularExpression it does not match, present vs absent) make the rule dead.',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const policy of btpsIn(ctx)) {
      for (const rule of rateLimitRulesOf(policy)) {
        const headers = headersOf(rule);
        for (let i = 0; i < headers.length; i++) {
          for (let j = i + 1; j < headers.length; j++) {
            const a = headers[i];
            const b = headers[j];
            if (a.selectorIndex !== b.selectorIndex || a.name !== b.name) continue;
            const why = contradiction(a, b);
            if (!why) continue;
            out.push(
              finding(this, policy, b.path, {
                message: `${ruleLabel(rule)} can never match: header ${a.name} is tested twice in clientSelectors[${a.selectorIndex}] and ${why}`,
                hint: 'split the conditions into separate rules, or remove the contradicting one',
              }),
            );
          }
        }
      }
    }
    return out;
  },
};
