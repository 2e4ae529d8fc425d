import { describe, expect, it } from 'vitest';
import { parentGateway } from '../../../../src/validate/rules/index.js';
import { findings, fixture, manifests, runOne } from '../helpers.js';

const gw = (listeners: string) => `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: eg, namespace: infra}
spec:
  gatewayClassName: eg
  listeners:
${listeners}
`;
const route = (ns: string, parentRef: string, extra = '') => `
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: ${ns}}
spec:
  parentRefs: [${parentRef}]
${extra}
`;
const all = `    - {name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: All}}}`;
const same = `    - {name: http, protocol: HTTP, port: 80}`;
const selector = `    - {name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {expose: "yes"}}}}}`;
const tlsOnly = `    - {name: tls, protocol: TLS, port: 443, tls: {mode: Passthrough}, allowedRoutes: {namespaces: {from: All}}}`;
const hostListener = `    - {name: http, protocol: HTTP, port: 80, hostname: a.example.com, allowedRoutes: {namespaces: {from: All}}}`;
const C = 'ref/parent-gateway';

describe(C, () => {
  it.each([
    ['route attaches by sectionName', gw(all) + route('app', '{name: eg, namespace: infra, sectionName: http}'), []],
    ['route attaches by port', gw(all) + route('app', '{name: eg, namespace: infra, port: 80}'), []],
    ['same-namespace route with default allowedRoutes', gw(same) + route('infra', '{name: eg}'), []],
    ['non-Gateway parent (mesh Service) is not checked', route('app', '{group: "", kind: Service, name: svc}'), []],
    [
      'missing Gateway offline is a warning',
      route('app', '{name: nope, namespace: infra}'),
      [`${C}:warning@spec.parentRefs[0].name`],
    ],
    [
      'unknown sectionName',
      gw(all) + route('app', '{name: eg, namespace: infra, sectionName: https}'),
      [`${C}:error@spec.parentRefs[0].sectionName`],
    ],
    [
      'unknown port',
      gw(all) + route('app', '{name: eg, namespace: infra, port: 8080}'),
      [`${C}:error@spec.parentRefs[0].port`],
    ],
    [
      'namespace not allowed (Same)',
      gw(same) + route('app', '{name: eg, namespace: infra}'),
      [`${C}:error@spec.parentRefs[0]`],
    ],
    [
      'namespace selector without matching labels',
      gw(selector) + route('app', '{name: eg, namespace: infra}'),
      [`${C}:error@spec.parentRefs[0]`],
    ],
    [
      'namespace selector with matching Namespace labels',
      `${gw(selector)}---\napiVersion: v1\nkind: Namespace\nmetadata: {name: app, labels: {expose: "yes"}}\n${route('app', '{name: eg, namespace: infra}')}`,
      [],
    ],
    [
      'kind not allowed by a TLS listener',
      gw(tlsOnly) + route('app', '{name: eg, namespace: infra}'),
      [`${C}:error@spec.parentRefs[0]`],
    ],
    [
      'no hostname intersection',
      gw(hostListener) + route('app', '{name: eg, namespace: infra}', '  hostnames: [b.example.com]'),
      [`${C}:error@spec.parentRefs[0]`],
    ],
    [
      'wildcard route hostname intersects',
      gw(hostListener) + route('app', '{name: eg, namespace: infra}', '  hostnames: ["*.example.com"]'),
      [],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(findings(parentGateway, yaml)).toEqual(expected);
  });

  it('a ListenerSet parent resolves its own listeners (Same is relative to the ListenerSet namespace)', () => {
    const ls = `apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: team, namespace: app}
spec:
  parentRef: {name: eg, namespace: infra}
  listeners: [{name: extra, protocol: HTTP, port: 8080}]
`;
    const ref = (section: string) => `{kind: ListenerSet, name: team, sectionName: ${section}}`;
    expect(findings(parentGateway, ls + route('app', ref('extra')))).toEqual([]);
    expect(findings(parentGateway, ls + route('app', ref('nope')))).toEqual([
      `${C}:error@spec.parentRefs[0].sectionName`,
    ]);
    expect(findings(parentGateway, ls + route('other', `{kind: ListenerSet, name: team, namespace: app}`))).toEqual([
      `${C}:error@spec.parentRefs[0]`,
    ]);
  });

  it('a missing Gateway is an error when cluster objects are given, and resolves from them', () => {
    const yaml = route('app', '{name: eg, namespace: infra, sectionName: http}');
    expect(findings(parentGateway, yaml, { clusterObjects: [] })).toEqual([`${C}:error@spec.parentRefs[0].name`]);
    expect(findings(parentGateway, yaml, { clusterObjects: manifests(gw(all)) })).toEqual([]);
  });

  it('the fixture stack is clean and positions point into the file', () => {
    expect(findings(parentGateway, fixture('gateway-stack.yaml'))).toEqual([]);
    const [d] = runOne(parentGateway, gw(all) + route('app', '{name: eg, namespace: infra, sectionName: nope}'));
    expect(d.file).toBe('test.yaml');
    expect(d.line).toBeGreaterThan(10);
    expect(d.resource).toMatchObject({ kind: 'HTTPRoute', name: 'r', namespace: 'app' });
  });
});
