import { describe, expect, it } from 'vitest';
import { rateLimitRuleNeverMatches } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { btp, hdr, limits } from './btp.js';

const C = 'lint/rate-limit-rule-never-matches';
const H1 = 'spec.rateLimit.global.rules[0].clientSelectors[0].headers[1]';
const two = (a: string, b: string) => btp(limits('global', hdr(`${a}, ${b}`)));

describe(C, () => {
  it.each([
    ['two different headers', two('{name: a, value: "1"}', '{name: b, value: "2"}'), []],
    [
      'two Exact values for one header',
      two('{name: x-plan, value: free}', '{name: x-plan, value: pro}'),
      [`${C}:warning@${H1}`],
    ],
    [
      'Exact and its inversion',
      two('{name: x-plan, value: free}', '{name: x-plan, value: free, invert: true}'),
      [`${C}:warning@${H1}`],
    ],
    [
      'Exact value outside the regex',
      two('{name: x-plan, value: free}', '{name: x-plan, type: RegularExpression, value: "pro|ent"}'),
      [`${C}:warning@${H1}`],
    ],
    [
      'Exact value inside the regex',
      two('{name: x-plan, value: pro}', '{name: x-plan, type: RegularExpression, value: "pro|ent"}'),
      [],
    ],
    [
      'present (Distinct) and absent',
      two('{name: x-user-id, type: Distinct}', '{name: x-user-id, type: RegularExpression, value: ".*", invert: true}'),
      [`${C}:warning@${H1}`],
    ],
    [
      'Distinct plus an inverted exemption',
      two('{name: x-user-id, type: Distinct}', '{name: x-user-id, value: admin, invert: true}'),
      [],
    ],
    [
      'same header in different selectors is an OR, not a contradiction',
      btp(
        limits(
          'global',
          '{clientSelectors: [{headers: [{name: x-plan, value: free}]}, {headers: [{name: x-plan, value: pro}]}], limit: {requests: 1, unit: Second}}',
        ),
      ),
      [],
    ],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(rateLimitRuleNeverMatches, yaml)).toEqual(expected);
  });
});
