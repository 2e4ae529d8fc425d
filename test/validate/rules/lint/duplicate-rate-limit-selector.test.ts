import { describe, expect, it } from 'vitest';
import { duplicateRateLimitSelector } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { btp, hdr, limits } from './btp.js';

const C = 'lint/duplicate-rate-limit-selector';

describe(C, () => {
  it.each([
    [
      'different selectors',
      btp(limits('local', hdr('{name: a, type: Distinct}'), hdr('{name: b, type: Distinct}'))),
      [],
    ],
    [
      'identical selectors',
      btp(
        limits(
          'local',
          hdr('{name: a, type: Distinct}'),
          hdr('{type: Distinct, name: a}', '{requests: 1, unit: Second}'),
        ),
      ),
      [`${C}:warning@spec.rateLimit.local.rules[1].clientSelectors`],
    ],
    [
      'same selector in local and global blocks',
      btp(
        `${limits('local', hdr('{name: a, type: Distinct}'))}\n  global:\n    rules:\n      - ${hdr('{name: a, type: Distinct}')}`,
      ),
      [],
    ],
    [
      'two selector-less rules are another lint',
      btp(limits('local', '{limit: {requests: 1, unit: Second}}', '{limit: {requests: 2, unit: Second}}')),
      [],
    ],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(duplicateRateLimitSelector, yaml)).toEqual(expected);
  });
});
