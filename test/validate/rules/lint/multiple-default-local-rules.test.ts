import { describe, expect, it } from 'vitest';
import { multipleDefaultLocalRules } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { btp, hdr, limits } from './btp.js';

const C = 'lint/multiple-default-local-rules';
const def = '{limit: {requests: 10, unit: Minute}}';

describe(C, () => {
  it.each([
    ['one default', btp(limits('local', def, hdr('{name: a, type: Distinct}'))), []],
    ['two defaults', btp(limits('local', def, def)), [`${C}:error@spec.rateLimit.local.rules[1]`]],
    ['global may have several', btp(limits('global', def, def)), []],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(multipleDefaultLocalRules, yaml)).toEqual(expected);
  });
});
