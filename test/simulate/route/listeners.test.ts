import { describe, expect, it } from 'vitest';
import type { SimRequest } from '../../../src/simulate/route/index.js';
import {
  buildRouteTable,
  routeRequest,
  routeRequestDetailed,
  simulateRequests,
} from '../../../src/simulate/route/index.js';
import { fixture, gateway, prefix, route, rule, svc, tlsSecret } from './helpers.js';

const shop = buildRouteTable(fixture('shop.yaml'));
const get = (host: string, path: string, port = 80): SimRequest => ({
  gateway: 'shop/edge',
  port,
  scheme: 'http',
  host,
  path,
});

describe('listener selection (HTTP)', () => {
  it.each([
    ['api.shop.example', '/v1/items', 'api', 'other/api-v1'],
    ['www.shop.example', '/cart', 'wildcard', 'shop/web'],
    ['a.b.shop.example', '/', 'wildcard', 'shop/web'], // a wildcard matches several labels
    ['shop.example', '/', 'catch-all', 'shop/web'], // *.shop.example does not match the bare suffix
    ['API.Shop.Example:8080', '/v1', 'api', 'other/api-v1'], // Host case and port are ignored
  ])('%s%s → listener %s, backend %s', (host, path, listener, backend) => {
    const r = routeRequest(shop, get(host, path));
    expect(r).toMatchObject({ status: 200, listener, backend, gateway: 'shop/edge' });
  });

  it('isolates listeners: no fallback to a less specific listener', () => {
    const r = routeRequest(shop, get('api.shop.example', '/cart'));
    expect(r.status).toBe(404);
    expect(r.listener).toBe('api');
    expect(r.reason).toMatch(/no route rule/);
  });

  it('an IP Host only reaches listeners without a hostname', () => {
    expect(routeRequest(shop, { ...get('192.0.2.10', '/'), hostIsGatewayAddress: true })).toMatchObject({
      status: 200,
      listener: 'catch-all',
    });
  });

  it('no listener on the port: the connection fails (status 0)', () => {
    const r = routeRequest(shop, get('www.shop.example', '/', 8080));
    expect(r.status).toBe(0);
    expect(r.reason).toMatch(/no HTTP listener on port 8080/);
  });

  it('an unknown gateway gives status 0 with the reason; a unique bare name is accepted', () => {
    expect(routeRequest(shop, { ...get('x', '/'), gateway: 'nope/nope' }).status).toBe(0);
    expect(routeRequest(shop, { ...get('www.shop.example', '/'), gateway: 'edge' }).status).toBe(200);
  });

  it('simulateRequests keeps order and echoes names', () => {
    const out = simulateRequests(fixture('shop.yaml'), [
      { ...get('api.shop.example', '/v1'), name: 'a' },
      { ...get('api.shop.example', '/x'), name: 'b' },
    ]);
    expect(out.map((r) => [r.name, r.status])).toEqual([
      ['a', 200],
      ['b', 404],
    ]);
  });
});

describe('listener selection (HTTPS, misdirected requests)', () => {
  const tls = { certificateRefs: [{ name: 'cert' }] };
  const table = buildRouteTable([
    gateway('gw', [
      { name: 'any', port: 443, protocol: 'HTTPS', tls },
      { name: 'second', port: 443, protocol: 'HTTPS', hostname: 'second.example', tls },
      { name: 'wild', port: 443, protocol: 'HTTPS', hostname: '*.wild.example', tls },
    ]),
    route('r-any', {
      parentRefs: [{ name: 'gw', sectionName: 'any' }],
      hostnames: ['first.example'],
      rules: [rule('v1')],
    }),
    route('r-second', { parentRefs: [{ name: 'gw', sectionName: 'second' }], rules: [rule('v2')] }),
    route('r-wild', { parentRefs: [{ name: 'gw', sectionName: 'wild' }], rules: [rule('v3')] }),
    svc('v1'),
    svc('v2'),
    svc('v3'),
    tlsSecret('cert'),
  ]);
  const req = (sni: string, host: string): SimRequest => ({ port: 443, scheme: 'https', sni, host, path: '/' });

  it.each([
    ['first.example', 'first.example', 200, 'default/v1'],
    ['second.example', 'second.example', 200, 'default/v2'],
    ['a.wild.example', 'b.wild.example', 200, 'default/v3'], // same listener for SNI and Host
    ['first.example', 'second.example', 421, undefined], // Host belongs to a more specific listener
    ['second.example', 'first.example', 421, undefined], // SNI listener does not match Host, another does
    ['a.wild.example', 'unknown.example', 421, undefined],
    ['first.example', 'unknown.example', 404, undefined], // same listener, no route hostname matches
  ])('SNI %s, Host %s → %i', (sni, host, status, backend) => {
    const r = routeRequest(table, req(sni, host));
    expect(r.status).toBe(status);
    if (backend) expect(r.backend).toBe(backend);
  });

  it('an http request does not use an HTTPS listener', () => {
    expect(routeRequest(table, { port: 443, scheme: 'http', host: 'first.example', path: '/' }).status).toBe(0);
  });

  it('a listener whose certificate does not resolve fails the handshake (status 0)', () => {
    const broken = buildRouteTable([
      gateway('gw', [{ name: 'any', port: 443, protocol: 'HTTPS', tls: { certificateRefs: [{ name: 'missing' }] } }]),
      route('r', { rules: [rule('v1')] }),
      svc('v1'),
    ]);
    const r = routeRequest(broken, req('a.example', 'a.example'));
    expect(r.status).toBe(0);
    expect(r.reason).toMatch(/Secret default\/missing not found/);
  });

  it('without SNI the Host is used for listener selection', () => {
    expect(routeRequest(table, { port: 443, scheme: 'https', host: 'second.example', path: '/' }).backend).toBe(
      'default/v2',
    );
  });
});

describe('ListenerSet listeners', () => {
  const ls = (from?: string) => [
    gateway(
      'gw',
      [{ name: 'main', port: 80, protocol: 'HTTP', hostname: 'main.example' }],
      'default',
      from ? { allowedListeners: { namespaces: { from } } } : {},
    ),
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'ListenerSet',
      metadata: { name: 'extra', namespace: 'default' },
      spec: {
        parentRef: { name: 'gw' },
        listeners: [{ name: 'x', port: 80, protocol: 'HTTP', hostname: 'extra.example' }],
      },
    },
    route('via-set', {
      parentRefs: [{ kind: 'ListenerSet', group: 'gateway.networking.k8s.io', name: 'extra' }],
      rules: [rule('a', prefix('/'))],
    }),
    route('via-gw', { rules: [rule('b', prefix('/'))] }),
    svc('a'),
    svc('b'),
  ];
  const q = (host: string): SimRequest => ({ port: 80, scheme: 'http', host, path: '/' });

  it('merges admitted ListenerSet listeners into the Gateway; a Gateway parentRef does not reach them', () => {
    const t = buildRouteTable(ls('Same'));
    expect(routeRequest(t, q('extra.example'))).toMatchObject({ status: 200, listener: 'x', backend: 'default/a' });
    expect(routeRequest(t, q('main.example'))).toMatchObject({ status: 200, listener: 'main', backend: 'default/b' });
  });

  it('allowedListeners defaults to None: the ListenerSet is not merged', () => {
    const t = buildRouteTable(ls());
    expect(routeRequest(t, q('extra.example')).status).toBe(404);
    expect(t.attachments.get('default/via-set')?.[0]).toMatchObject({ accepted: false, reason: 'NoMatchingParent' });
  });

  it('routeRequestDetailed returns the exact listener and match objects', () => {
    const t = buildRouteTable(ls('Same'));
    const d = routeRequestDetailed(t, q('extra.example'));
    expect(d.listener).toMatchObject({ parentKind: 'ListenerSet', parent: 'default/extra', name: 'x' });
    expect(d.match?.rule.route.key).toBe('default/via-set');
    expect(d.result).toEqual(routeRequest(t, q('extra.example')));
  });
});
