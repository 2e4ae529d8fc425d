import { describe, expect, it } from 'vitest';
import { perUserSharedBucket } from '../../../../src/validate/rules/index.js';
import { looksLikeIdentity } from '../../../../src/validate/rules/util/ratelimit.js';
import { findings } from '../helpers.js';
import { btp, hdr, limits } from './btp.js';

const C = 'lint/per-user-shared-bucket';
const H = 'spec.rateLimit.local.rules[0].clientSelectors[0].headers[0]';

describe(C, () => {
  it.each([
    ['Exact * on x-user-id', btp(limits('local', hdr('{name: x-user-id, value: "*"}'))), [`${C}:warning@${H}.type`]],
    [
      'RegularExpression on x-api-key',
      btp(limits('local', hdr('{name: x-api-key, type: RegularExpression, value: ".+"}'))),
      [`${C}:warning@${H}.type`],
    ],
    ['Distinct on x-user-id', btp(limits('local', hdr('{name: x-user-id, type: Distinct}'))), []],
    ['Exact on one specific user (a VIP rule)', btp(limits('local', hdr('{name: x-user-id, value: admin}'))), []],
    [
      'inverted (anonymous tier) is meant to be shared',
      btp(limits('local', hdr('{name: x-user-id, type: RegularExpression, value: ".*", invert: true}'))),
      [],
    ],
    [
      'not an identity header',
      btp(limits('local', hdr('{name: x-ai-eg-model, type: RegularExpression, value: "gpt.*"}'))),
      [],
    ],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(perUserSharedBucket, yaml)).toEqual(expected);
  });

  it.each([
    ['x-user-id', true],
    ['user', true],
    ['x-client-id', true],
    ['x-tenant', true],
    ['x-api-key', true],
    ['authorization', true],
    ['x-request-id', false],
    ['content-type', false],
    ['x-ai-eg-model', false],
  ])('identity header %s → %s', (name, expected) => {
    expect(looksLikeIdentity(name)).toBe(expected);
  });
});
