import { describe, expect, it } from 'vitest';
import { invertedExactStar } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { btp, hdr, limits } from './btp.js';

const C = 'lint/inverted-exact-star';
const H = 'spec.rateLimit.global.rules[0].clientSelectors[0].headers[0]';

describe(C, () => {
  it.each([
    [
      'inverted Exact *',
      btp(limits('global', hdr('{name: x-user-id, value: "*", invert: true}'))),
      [`${C}:warning@${H}.invert`],
    ],
    [
      'inverted RegularExpression .* (header absent)',
      btp(limits('global', hdr('{name: x-user-id, type: RegularExpression, value: ".*", invert: true}'))),
      [],
    ],
    ['inverted Exact admin', btp(limits('global', hdr('{name: x-user-id, value: admin, invert: true}'))), []],
    ['not inverted', btp(limits('global', hdr('{name: x-user-id, value: "*"}'))), []],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(invertedExactStar, yaml)).toEqual(expected);
  });
});
