import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/model/manifest.js';
import { buildRouteTable, computeRouteStatus } from '../../../src/simulate/route/index.js';
import { gateway, http, ns, route, rule, svc } from './helpers.js';

/** Accepted condition (status/reason) of each parentRef of `routeKey`. */
function accepted(resources: Manifest[], routeKey: string) {
  const st = computeRouteStatus(resources).routes.find((r) => r.route === routeKey);
  return st?.parents.map((p) => {
    const c = p.conditions.find((x) => x.type === 'Accepted');
    return `${c?.status}/${c?.reason}`;
  });
}

const gw = gateway('gw', [http('a', 80), http('b', 8080, 'b.example')], 'infra');
const base = [
  gw,
  ns('infra', { env: 'prod' }),
  ns('apps', { env: 'prod', team: 'x' }),
  ns('dev'),
  svc('s', 'infra'),
  svc('s', 'apps'),
];
const ref = (more: Record<string, unknown> = {}) => ({
  parentRefs: [{ name: 'gw', namespace: 'infra', ...more }],
  rules: [rule('s')],
});

describe('route attachment', () => {
  it.each([
    ['sectionName matches', { sectionName: 'b' }, 'True/Accepted'],
    ['sectionName matches nothing', { sectionName: 'zzz' }, 'False/NoMatchingParent'],
    ['port matches', { port: 8080 }, 'True/Accepted'],
    ['port matches nothing', { port: 9999 }, 'False/NoMatchingParent'],
    ['port and sectionName disagree', { port: 80, sectionName: 'b' }, 'False/NoMatchingParent'],
  ])('%s', (_n, more, want) => {
    expect(accepted([...base, route('r', ref(more), 'infra')], 'infra/r')).toEqual([want]);
  });

  it('a missing parent Gateway is NoMatchingParent', () => {
    expect(
      accepted([...base, route('r', { parentRefs: [{ name: 'nope' }], rules: [rule('s')] }, 'infra')], 'infra/r'),
    ).toEqual(['False/NoMatchingParent']);
  });

  it('allowedRoutes from Same (default) rejects other namespaces: NotAllowedByListeners', () => {
    expect(accepted([...base, route('r', ref(), 'apps')], 'apps/r')).toEqual(['False/NotAllowedByListeners']);
  });

  it('allowedRoutes from All admits any namespace', () => {
    const all = gateway('gw', [http('a', 80, undefined, 'All')], 'infra');
    expect(accepted([all, ...base.slice(1), route('r', ref(), 'dev')], 'dev/r')).toEqual(['True/Accepted']);
  });

  const selectorGw = (selector: Record<string, unknown>) =>
    gateway(
      'gw',
      [{ name: 'a', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'Selector', selector } } }],
      'infra',
    );
  it.each([
    ['matchLabels', { matchLabels: { team: 'x' } }, ['apps'], ['dev', 'infra']],
    [
      'implicit kubernetes.io/metadata.name',
      { matchLabels: { 'kubernetes.io/metadata.name': 'dev' } },
      ['dev'],
      ['apps'],
    ],
    ['In', { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] }, ['apps', 'infra'], ['dev']],
    ['NotIn', { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, ['dev'], ['apps']],
    ['Exists', { matchExpressions: [{ key: 'team', operator: 'Exists' }] }, ['apps'], ['infra']],
    ['DoesNotExist', { matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }] }, ['infra', 'dev'], ['apps']],
  ])('allowedRoutes Selector with %s', (_n, selector, yes, no) => {
    for (const n of yes)
      expect(accepted([selectorGw(selector), ...base.slice(1), route('r', ref(), n)], `${n}/r`)).toEqual([
        'True/Accepted',
      ]);
    for (const n of no) {
      expect(accepted([selectorGw(selector), ...base.slice(1), route('r', ref(), n)], `${n}/r`)).toEqual([
        'False/NotAllowedByListeners',
      ]);
    }
  });

  it('allowedRoutes kinds without HTTPRoute: NotAllowedByListeners', () => {
    const g = gateway(
      'gw',
      [http('a', 80, undefined, 'Same', { allowedRoutes: { kinds: [{ kind: 'GRPCRoute' }] } })],
      'infra',
    );
    expect(accepted([g, ...base.slice(1), route('r', ref(), 'infra')], 'infra/r')).toEqual([
      'False/NotAllowedByListeners',
    ]);
  });

  it('hostnames that intersect no listener: NoMatchingListenerHostname', () => {
    const g = gateway('gw', [http('a', 80, 'a.example')], 'infra');
    const r = route('r', { ...ref(), hostnames: ['b.example'] }, 'infra');
    expect(accepted([g, ...base.slice(1), r], 'infra/r')).toEqual(['False/NoMatchingListenerHostname']);
  });

  it('each parentRef is evaluated independently', () => {
    const r = route(
      'r',
      {
        parentRefs: [
          { name: 'gw', namespace: 'infra', sectionName: 'a' },
          { name: 'gw', namespace: 'infra', sectionName: 'nope' },
        ],
        rules: [rule('s')],
      },
      'infra',
    );
    expect(accepted([...base, r], 'infra/r')).toEqual(['True/Accepted', 'False/NoMatchingParent']);
  });

  it('attachedRoutes counts accepted routes per listener, and intersected hostnames are indexed', () => {
    const g = gateway('gw', [http('wild', 80, '*.example.com'), http('other', 8080)], 'infra');
    const resources = [
      g,
      ...base.slice(1),
      route('one', { ...ref(), hostnames: ['x.example.com', 'elsewhere.org'] }, 'infra'),
      route('two', ref({ sectionName: 'wild' }), 'infra'),
      route('bad', { ...ref({ sectionName: 'wild' }), hostnames: ['nope.org'] }, 'infra'),
    ];
    const st = computeRouteStatus(resources).gateways[0];
    expect(st.listeners.map((l) => [l.name, l.attachedRoutes])).toEqual([
      ['wild', 2],
      ['other', 1],
    ]);
    expect(st.attachedRoutesTotal).toBe(3);
    const li = buildRouteTable(resources).gateways.get('infra/gw')?.byPort.get(80)?.[0];
    expect([...(li?.exact.keys() ?? [])]).toEqual(['x.example.com']); // elsewhere.org dropped by intersection
    expect([...(li?.wildcard.keys() ?? [])]).toEqual(['.example.com']);
  });

  it('invalid enum values make the route not Accepted (UnsupportedValue); redirect + backendRefs is IncompatibleFilters', () => {
    const badMethod = route(
      'r',
      { ...ref(), rules: [{ matches: [{ method: 'FETCH' }], backendRefs: [{ name: 's', port: 8080 }] }] },
      'infra',
    );
    expect(accepted([...base, badMethod], 'infra/r')).toEqual(['False/UnsupportedValue']);
    const both = route(
      'r',
      {
        ...ref(),
        rules: [
          {
            filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https' } }],
            backendRefs: [{ name: 's', port: 8080 }],
          },
        ],
      },
      'infra',
    );
    expect(accepted([...base, both], 'infra/r')).toEqual(['False/IncompatibleFilters']);
  });
});

describe('listener status', () => {
  it('reports certificate problems, unsupported protocols, invalid kinds and conflicts', () => {
    const g = gateway(
      'gw',
      [
        { name: 'tls-missing', port: 443, protocol: 'HTTPS', tls: { certificateRefs: [{ name: 'nope' }] } },
        {
          name: 'tls-kind',
          port: 443,
          protocol: 'HTTPS',
          hostname: 'k.example',
          tls: { certificateRefs: [{ kind: 'ConfigMap', name: 'x' }] },
        },
        { name: 'weird', port: 81, protocol: 'SCTP' },
        http('kinds', 82, undefined, 'Same', { allowedRoutes: { kinds: [{ kind: 'TCPRoute' }] } }),
        http('dup1', 83, 'd.example'),
        http('dup2', 83, 'd.example'),
      ],
      'infra',
    );
    const st = computeRouteStatus([g]).gateways[0];
    const cond = (l: string, t: string) => {
      const c = st.listeners.find((x) => x.name === l)?.conditions.find((x) => x.type === t);
      return `${c?.status}/${c?.reason}`;
    };
    expect(cond('tls-missing', 'ResolvedRefs')).toBe('False/InvalidCertificateRef');
    expect(cond('tls-missing', 'Programmed')).toBe('False/Invalid');
    expect(cond('tls-kind', 'ResolvedRefs')).toBe('False/InvalidCertificateRef');
    expect(cond('weird', 'Accepted')).toBe('False/UnsupportedProtocol');
    expect(cond('kinds', 'ResolvedRefs')).toBe('False/InvalidRouteKinds');
    expect(cond('dup1', 'Conflicted')).toBe('False/NoConflicts');
    expect(cond('dup2', 'Conflicted')).toBe('True/HostnameConflict');
  });
});

describe('malformed input', () => {
  it('never throws on odd shapes; it routes what it can', () => {
    const junk = [
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'Gateway',
        metadata: { name: 'gw', namespace: 'default' },
        spec: { listeners: 'nope' },
      },
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: { name: 'r', namespace: 'default' },
        spec: {
          parentRefs: [null, 3, { name: 'gw' }],
          hostnames: 'x',
          rules: [null, { matches: 'y', backendRefs: [1] }],
        },
      },
      { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r2', namespace: 'default' } },
      { apiVersion: 'v1', kind: 'Service' },
      {
        apiVersion: 'gateway.networking.k8s.io/v1beta1',
        kind: 'ReferenceGrant',
        metadata: { name: 'g', namespace: 'default' },
        spec: { from: 'a', to: null },
      },
    ] as unknown as Manifest[];
    expect(() => computeRouteStatus(junk)).not.toThrow();
    const t = buildRouteTable(junk);
    expect(t.attachments.get('default/r')?.[0]).toMatchObject({ accepted: false, reason: 'NoMatchingParent' });
  });
});
