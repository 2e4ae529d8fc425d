import { describe, expect, it } from 'vitest';
import { backendService } from '../../../../src/validate/rules/index.js';
import { findings, fixture, manifests } from '../helpers.js';

const C = 'ref/backend-service';
const route = (backendRef: string) => `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  parentRefs: [{name: eg}]
  rules:
    - backendRefs: [${backendRef}]
`;
const svc = (ns: string) => `---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: ${ns}}
spec: {ports: [{port: 8000}]}
`;
const grant = (name = '') => `---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: g, namespace: other}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: app}]
  to: [{group: "", kind: Service${name ? `, name: ${name}` : ''}}]
`;
const P = 'spec.rules[0].backendRefs[0]';

describe(C, () => {
  it.each([
    ['Service and port exist', route('{name: api, port: 8000}') + svc('app'), []],
    ['wrong port', route('{name: api, port: 80}') + svc('app'), [`${C}:error@${P}.port`]],
    ['missing Service offline', route('{name: api, port: 8000}'), [`${C}:warning@${P}.name`]],
    ['cross-namespace with grant', route('{name: api, namespace: other, port: 8000}') + svc('other') + grant(), []],
    [
      'cross-namespace with grant for that name',
      route('{name: api, namespace: other, port: 8000}') + svc('other') + grant('api'),
      [],
    ],
    [
      'cross-namespace with grant for another name',
      route('{name: api, namespace: other, port: 8000}') + svc('other') + grant('web'),
      [`${C}:warning@${P}.namespace`],
    ],
    [
      'cross-namespace without grant',
      route('{name: api, namespace: other, port: 8000}') + svc('other'),
      [`${C}:warning@${P}.namespace`],
    ],
    ['unknown kinds are not followed', route('{group: example.com, kind: Thing, name: x}'), []],
    [
      'EG Backend missing',
      route('{group: gateway.envoyproxy.io, kind: Backend, name: ext}'),
      [`${C}:warning@${P}.name`],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(findings(backendService, yaml)).toEqual(expected);
  });

  it('connected: missing objects are errors; cluster objects resolve', () => {
    const yaml = route('{name: api, port: 8000}');
    expect(findings(backendService, yaml, { clusterObjects: [] })).toEqual([`${C}:error@${P}.name`]);
    expect(findings(backendService, yaml, { clusterObjects: manifests(svc('app')) })).toEqual([]);
  });

  it('missingReferenceSeverity lowers offline "not in the set" findings, not real errors', () => {
    expect(findings(backendService, route('{name: api, port: 8000}'), { missingReferenceSeverity: 'info' })).toEqual([
      `${C}:info@${P}.name`,
    ]);
    expect(
      findings(backendService, route('{name: api, port: 80}') + svc('app'), { missingReferenceSeverity: 'info' }),
    ).toEqual([`${C}:error@${P}.port`]);
    expect(
      findings(backendService, route('{name: api, port: 8000}'), {
        missingReferenceSeverity: 'info',
        clusterObjects: [],
      }),
    ).toEqual([`${C}:error@${P}.name`]);
  });

  it('fixture stack is clean', () => {
    expect(findings(backendService, fixture('gateway-stack.yaml'))).toEqual([]);
  });
});
