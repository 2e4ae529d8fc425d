import { describe, expect, it } from 'vitest';
import { invalidHeaderMatch } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { btp, hdr, limits } from './btp.js';

const C = 'lint/invalid-header-match';
const H = 'spec.rateLimit.local.rules[0].clientSelectors[0].headers[0]';
const one = (h: string) => btp(limits('local', hdr(h)));

describe(C, () => {
  it.each([
    ['Distinct alone', one('{name: x-user-id, type: Distinct}'), []],
    ['Distinct with a value', one('{name: x-user-id, type: Distinct, value: "*"}'), [`${C}:error@${H}.value`]],
    ['Distinct with invert', one('{name: x-user-id, type: Distinct, invert: true}'), [`${C}:error@${H}.invert`]],
    ['Exact without a value', one('{name: x-user-id}'), [`${C}:error@${H}.type`]],
    ['RegularExpression without a value', one('{name: x-user-id, type: RegularExpression}'), [`${C}:error@${H}.type`]],
    ['valid RE2', one('{name: x-user-id, type: RegularExpression, value: "(?P<id>[a-z]+)-\\\\d+"}'), []],
    ['unbalanced regex', one('{name: x-user-id, type: RegularExpression, value: "(abc"}'), [`${C}:error@${H}.value`]],
    [
      'lookahead is not RE2',
      one('{name: x-user-id, type: RegularExpression, value: "(?!admin).*"}'),
      [`${C}:error@${H}.value`],
    ],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(invalidHeaderMatch, yaml)).toEqual(expected);
  });
});
