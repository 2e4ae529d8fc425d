import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { btpsIn, headersOf, rateLimitRulesOf, ruleLabel } from '../util/ratelimit.js';
import { compileRe2 } from '../util/re2.js';

/** Header matches the Envoy Gateway translator rejects: Distinct with value/invert, Exact/RegularExpression without value, bad RE2. */
export const invalidHeaderMatch: Rule = {
  id: 'lint/invalid-header-match',
  severity: 'error',
  docs: {
    description:
      'The translator rejects a Distinct header match that sets value or invert, an Exact/RegularExpression match without value, and an invalid RE2 pattern; the policy becomes Accepted=False and its routes answer HTTP 500.',
    url: 'https://gateway.envoyproxy.io/docs/api/extension_types/#headermatch',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const policy of btpsIn(ctx)) {
      for (const rule of rateLimitRulesOf(policy)) {
        for (const h of headersOf(rule)) {
          const at = (p: string, message: string, hint: string) =>
            out.push(
              finding(this, policy, [...h.path, p], {
                message: `${ruleLabel(rule)} header ${h.name}: ${message}; Envoy Gateway sets Accepted=False and the routes answer HTTP 500`,
                hint,
              }),
            );
          if (h.type === 'Distinct') {
            if (h.value !== undefined)
              at(
                'value',
                'type Distinct with a value ("Either the header.Type is not valid or the header is missing a value")',
                'remove value: Distinct buckets every value of the header',
              );
            if (h.invert)
              at(
                'invert',
                'type Distinct with invert ("Invert is not applicable for distinct header match type")',
                'remove invert; for "header absent" use a separate RegularExpression ".*" rule with invert: true',
              );
          } else if (h.value === undefined) {
            at(
              'type',
              `type ${h.type} without a value ("Either the header.Type is not valid or the header is missing a value")`,
              'add a value, or use type Distinct',
            );
          } else if (h.type === 'RegularExpression') {
            const re = compileRe2(h.value);
            if (!(re instanceof RegExp))
              at('value', `invalid RE2 pattern /${h.value}/: ${re.error}`, 'fix the regular expression (RE2 syntax)');
          }
        }
      }
    }
    return out;
  },
};
