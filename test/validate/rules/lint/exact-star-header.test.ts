import { describe, expect, it } from 'vitest';
import { exactStarHeader } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { btp, hdr, limits } from './btp.js';

const C = 'lint/exact-star-header';
const H = 'spec.rateLimit.local.rules[0].clientSelectors[0].headers[0]';

describe(C, () => {
  it.each([
    ['type unset, value *', btp(limits('local', hdr('{name: x-user-id, value: "*"}'))), [`${C}:warning@${H}.value`]],
    [
      'explicit Exact *',
      btp(limits('local', hdr('{name: x-user-id, type: Exact, value: "*"}'))),
      [`${C}:warning@${H}.value`],
    ],
    ['Distinct', btp(limits('local', hdr('{name: x-user-id, type: Distinct}'))), []],
    ['RegularExpression .*', btp(limits('local', hdr('{name: x-user-id, type: RegularExpression, value: ".*"}'))), []],
    ['Exact with a real value', btp(limits('local', hdr('{name: x-plan, value: free}'))), []],
    ['inverted * is another lint', btp(limits('local', hdr('{name: x-user-id, value: "*", invert: true}'))), []],
    [
      'ignored block when type selects the other one',
      btp(
        `rateLimit:\n  type: Global\n  global: {rules: []}\n  local:\n    rules: [${hdr('{name: x-user-id, value: "*"}')}]`,
      ),
      [],
    ],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(exactStarHeader, yaml)).toEqual(expected);
  });
});
