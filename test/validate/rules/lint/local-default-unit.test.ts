import { describe, expect, it } from 'vitest';
import { localDefaultUnit } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { btp, hdr, limits } from './btp.js';

const C = 'lint/local-default-unit';
const def = (unit: string) => `{limit: {requests: 10, unit: ${unit}}}`;
const other = (unit: string) => hdr('{name: x-user-id, type: Distinct}', `{requests: 100, unit: ${unit}}`);

describe(C, () => {
  it.each([
    ['no default rule', btp(limits('local', other('Second'))), []],
    ['default Second, rule Minute', btp(limits('local', def('Second'), other('Minute'))), []],
    ['default Minute, rule Hour', btp(limits('local', def('Minute'), other('Hour'))), []],
    [
      'default Minute, rule Second',
      btp(limits('local', def('Minute'), other('Second'))),
      [`${C}:error@spec.rateLimit.local.rules[1].limit.unit`],
    ],
    [
      'default after the rule still counts',
      btp(limits('local', other('Second'), def('Hour'))),
      [`${C}:error@spec.rateLimit.local.rules[0].limit.unit`],
    ],
    ['global rules are not constrained', btp(limits('global', def('Minute'), other('Second'))), []],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(localDefaultUnit, yaml)).toEqual(expected);
  });
});
