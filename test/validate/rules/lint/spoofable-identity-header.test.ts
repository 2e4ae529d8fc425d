import { describe, expect, it } from 'vitest';
import { spoofableIdentityHeader } from '../../../../src/validate/rules/index.js';
import { findings, fixture } from '../helpers.js';
import { btp, hdr, limits } from './btp.js';

const C = 'lint/spoofable-identity-header';
const stack = fixture('gateway-stack.yaml');
const policy = btp(limits('global', hdr('{name: x-user-id, type: Distinct}')));
const jwt = `---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: SecurityPolicy
metadata: {name: jwt, namespace: task-api}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: task-api-route}]
  jwt:
    optional: true
    providers:
      - name: idp
        remoteJWKS: {uri: "https://idp.example.com/jwks.json"}
        claimToHeaders: [{claim: sub, header: x-user-id}]
`;
const strip = (header = 'x-user-id') => `---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: ClientTrafficPolicy
metadata: {name: strip, namespace: infra}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: eg}]
  headers: {earlyRequestHeaders: {remove: [${header}]}}
`;
const apiKey = `---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: SecurityPolicy
metadata: {name: keys, namespace: task-api}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: task-api-route}]
  apiKeyAuth: {credentialRefs: [{name: keys}], extractFrom: [{headers: [x-api-key]}]}
`;
const H = 'spec.rateLimit.global.rules[0].clientSelectors[0].headers[0].name';

describe(C, () => {
  it.each([
    ['client-supplied header, nothing derives it', stack + policy, [`${C}:warning@${H}`]],
    ['derived from a JWT claim but not stripped', stack + policy + jwt, [`${C}:warning@${H}`]],
    ['derived and stripped on the Gateway', stack + policy + jwt + strip(), []],
    ['stripping a different header does not help', stack + policy + jwt + strip('x-other'), [`${C}:warning@${H}`]],
    ['stripped but never derived: the rule never applies', stack + policy + strip(), [`${C}:warning@${H}`]],
    [
      'API key header verified by apiKeyAuth',
      stack + btp(limits('global', hdr('{name: x-api-key, type: Distinct}'))) + apiKey,
      [],
    ],
    ['non-identity header', stack + btp(limits('global', hdr('{name: x-ai-eg-model, type: Distinct}'))), []],
    [
      'authorization validated by a JWT policy',
      stack + btp(limits('global', hdr('{name: authorization, type: Distinct}'))) + jwt,
      [],
    ],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(spoofableIdentityHeader, yaml)).toEqual(expected);
  });
});
