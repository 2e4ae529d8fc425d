import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/model/manifest.js';
import type { SimRequest } from '../../../src/simulate/route/index.js';
import { buildRouteTable, routeRequest } from '../../../src/simulate/route/index.js';
import { exact, gateway, hdr, http, prefix, route, rule, svc } from './helpers.js';

/** One Gateway with a catch-all HTTP listener, the given routes, and Services a…f. */
function table(...routes: Manifest[]) {
  return buildRouteTable([
    gateway('gw', [http('web')]),
    ...routes,
    ...['a', 'b', 'c', 'd', 'e', 'f'].map((n) => svc(n)),
  ]);
}
function send(t: ReturnType<typeof table>, req: Partial<SimRequest>) {
  return routeRequest(t, { port: 80, scheme: 'http', host: 'example.com', path: '/', ...req });
}

describe('match precedence (one test per rule)', () => {
  it('1. hostname: an exact route hostname beats a wildcard one, even with a shorter path', () => {
    const t = table(
      route('wild', { hostnames: ['*.example.com'], rules: [rule('a', prefix('/foo/bar'))] }),
      route('exact', { hostnames: ['api.example.com'], rules: [rule('b', prefix('/'))] }),
    );
    expect(send(t, { host: 'api.example.com', path: '/foo/bar' }).backend).toBe('default/b');
    expect(send(t, { host: 'www.example.com', path: '/foo/bar' }).backend).toBe('default/a');
  });

  it('1b. hostname: a longer wildcard beats a shorter one; no hostname comes last', () => {
    const t = table(
      route('short', { hostnames: ['*.com'], rules: [rule('a')] }),
      route('long', { hostnames: ['*.example.com'], rules: [rule('b')] }),
      route('none', { rules: [rule('c')] }),
    );
    expect(send(t, { host: 'x.example.com' }).backend).toBe('default/b');
    expect(send(t, { host: 'x.other.com' }).backend).toBe('default/a');
    expect(send(t, { host: 'example.org' }).backend).toBe('default/c');
  });

  it('1c. hostname precedence is an order, not a filter: a less specific hostname serves what the more specific one does not match', () => {
    const t = table(
      route('exact', { hostnames: ['api.example.com'], rules: [rule('a', prefix('/v1'))] }),
      route('wild', { hostnames: ['*.example.com'], rules: [rule('b', prefix('/v2'))] }),
    );
    expect(send(t, { host: 'api.example.com', path: '/v2' }).backend).toBe('default/b');
  });

  it('2. an Exact path beats a PathPrefix of the same or greater length', () => {
    const t = table(route('r', { rules: [rule('a', prefix('/abc/')), rule('b', exact('/abc'))] }));
    expect(send(t, { path: '/abc' }).backend).toBe('default/b');
    expect(send(t, { path: '/abc/' }).backend).toBe('default/a'); // Exact /abc does not match /abc/
  });

  it('3. the longest PathPrefix wins, with segment semantics', () => {
    const t = table(
      route('r', { rules: [rule('a', prefix('/foo')), rule('b', prefix('/foo/bar')), rule('c', prefix('/'))] }),
    );
    expect(send(t, { path: '/foo/bar/baz' }).backend).toBe('default/b');
    expect(send(t, { path: '/foo/barbaz' }).backend).toBe('default/a');
    expect(send(t, { path: '/foobar' }).backend).toBe('default/c'); // /foo does not match /foobar
    expect(send(t, { path: '/foo/' }).backend).toBe('default/a');
  });

  it('3b. RegularExpression (implementation-specific) ranks after Exact and PathPrefix and matches the whole path', () => {
    const t = table(
      route('r', {
        rules: [
          rule('a', { path: { type: 'RegularExpression', value: '/items/[0-9]+' } }),
          rule('b', prefix('/items')),
        ],
      }),
    );
    expect(send(t, { path: '/items/42' }).backend).toBe('default/b');
    const only = table(
      route('r', { rules: [rule('a', { path: { type: 'RegularExpression', value: '/items/[0-9]+' } })] }),
    );
    expect(send(only, { path: '/items/42' }).backend).toBe('default/a');
    expect(send(only, { path: '/items/42/x' }).status).toBe(404);
  });

  it('4. a method match beats more header matches (same path)', () => {
    const t = table(
      route('r', {
        rules: [
          rule('a', prefix('/', { headers: [hdr('x', '1'), hdr('y', '2')] })),
          rule('b', prefix('/', { method: 'PATCH' })),
        ],
      }),
    );
    expect(send(t, { method: 'PATCH', headers: { x: '1', y: '2' } }).backend).toBe('default/b');
    expect(send(t, { method: 'GET', headers: { x: '1', y: '2' } }).backend).toBe('default/a');
  });

  it('4b. path beats method', () => {
    const t = table(route('r', { rules: [rule('a', prefix('/', { method: 'PATCH' })), rule('b', prefix('/path5'))] }));
    expect(send(t, { method: 'PATCH', path: '/path5' }).backend).toBe('default/b');
  });

  it('5. more header matches win; header names are case-insensitive, values case-sensitive', () => {
    const t = table(
      route('r', {
        rules: [
          rule('a', prefix('/', { headers: [hdr('Version', 'one')] })),
          rule('b', prefix('/', { headers: [hdr('version', 'one'), hdr('Color', 'blue')] })),
        ],
      }),
    );
    expect(send(t, { headers: { VERSION: 'one', color: 'blue' } }).backend).toBe('default/b');
    expect(send(t, { headers: { version: 'one', color: 'Blue' } }).backend).toBe('default/a');
    expect(send(t, { headers: { version: 'One' } }).status).toBe(404);
  });

  it('6. more query matches win; query names are case-sensitive and the first value counts', () => {
    const t = table(
      route('r', {
        rules: [
          rule('a', prefix('/', { queryParams: [{ name: 'animal', value: 'whale' }] })),
          rule(
            'b',
            prefix('/', {
              queryParams: [
                { name: 'animal', value: 'whale' },
                { name: 'color', value: 'blue' },
              ],
            }),
          ),
          rule('c', prefix('/', { queryParams: [{ name: 'ANIMAL', value: 'Whale' }] })),
        ],
      }),
    );
    expect(send(t, { query: { animal: 'whale', color: 'blue' } }).backend).toBe('default/b');
    expect(send(t, { rawQuery: 'animal=whale&color=red' }).backend).toBe('default/a');
    expect(send(t, { rawQuery: 'ANIMAL=Whale' }).backend).toBe('default/c');
    expect(send(t, { path: '/?animal=dolphin&animal=whale' }).status).toBe(404);
  });

  it('7. across routes, the oldest creationTimestamp wins', () => {
    const t = table(
      route('aaa', { rules: [rule('a')] }, 'default', { creationTimestamp: '2026-01-02T00:00:00Z' }),
      route('zzz', { rules: [rule('b')] }, 'default', { creationTimestamp: '2026-01-01T00:00:00Z' }),
    );
    expect(send(t, {})).toMatchObject({ backend: 'default/b', route: 'default/zzz' });
  });

  it('8. then namespace/name alphabetically', () => {
    const t = buildRouteTable([
      gateway('gw', [http('web', 80, undefined, 'All')]),
      route('b-route', { parentRefs: [{ name: 'gw', namespace: 'default' }], rules: [rule('x')] }, 'beta'),
      route('z-route', { parentRefs: [{ name: 'gw', namespace: 'default' }], rules: [rule('x')] }, 'alpha'),
      svc('x', 'alpha'),
      svc('x', 'beta'),
    ]);
    expect(send(t, {})).toMatchObject({ route: 'alpha/z-route', backend: 'alpha/x' });
  });

  it('9. within a route, the first matching rule wins; the match index is reported', () => {
    const t = table(route('r', { rules: [rule('a', exact('/x'), prefix('/y')), rule('b', prefix('/y'))] }));
    expect(send(t, { path: '/y' })).toMatchObject({ backend: 'default/a', rule: 0, match: 1 });
  });

  it('no match at all → 404 with a reason', () => {
    const t = table(route('r', { rules: [rule('a', exact('/only'))] }));
    const r = send(t, { path: '/other' });
    expect(r.status).toBe(404);
    expect(r.reason).toContain('/other');
  });

  it('defaults: a rule without matches and a route without rules match PathPrefix /', () => {
    const t = table(route('r', { rules: [{ backendRefs: [{ name: 'a', port: 8080 }] }] }));
    expect(send(t, { path: '/anything/at/all' }).backend).toBe('default/a');
    const noRules = table(route('r', {}));
    expect(send(noRules, { path: '/x' }).status).toBe(500); // matched, but no backendRefs
  });
});
