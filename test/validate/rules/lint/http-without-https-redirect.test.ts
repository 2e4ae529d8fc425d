import { describe, expect, it } from 'vitest';
import { httpWithoutHttpsRedirect } from '../../../../src/validate/rules/index.js';
import { findings, fixture } from '../helpers.js';

const C = 'lint/http-without-https-redirect';
const stack = fixture('gateway-stack.yaml');
const noRedirect = stack.replace(
  /---\napiVersion: gateway.networking.k8s.io\/v1\nkind: HTTPRoute\nmetadata: \{name: redirect[\s\S]*?(?=---)/,
  '',
);
const plainRoute = noRedirect.replace('sectionName: https}', 'sectionName: http}');

describe(C, () => {
  it.each([
    ['redirect route on the http listener', stack, []],
    ['no route on the http listener', noRedirect, [`${C}:warning@spec.listeners[0]`]],
    ['the app served in clear text', plainRoute, [`${C}:warning@spec.listeners[0]`]],
    [
      'HTTP only Gateway',
      stack.replace(/ {4}- name: https[\s\S]*?certificateRefs: \[\{kind: Secret, name: api-cert\}\]\n/, ''),
      [],
    ],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(httpWithoutHttpsRedirect, yaml)).toEqual(expected);
  });

  it('the fixture edits did what they claim', () => {
    expect(noRedirect).not.toContain('name: redirect');
    expect(plainRoute).toContain('sectionName: http}');
  });
});
