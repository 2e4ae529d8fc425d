import { describe, expect, it } from 'vitest';
import type { SimRequest } from '../../../src/simulate/route/index.js';
import { buildRouteTable, replacePrefix, routeRequest } from '../../../src/simulate/route/index.js';
import { gateway, http, prefix, route, svc } from './helpers.js';

const redirectRule = (value: string, requestRedirect: Record<string, unknown>) => ({
  matches: [prefix(value)],
  filters: [{ type: 'RequestRedirect', requestRedirect }],
});
const rewriteRule = (value: string, urlRewrite: Record<string, unknown>) => ({
  matches: [prefix(value)],
  filters: [{ type: 'URLRewrite', urlRewrite }],
  backendRefs: [{ name: 'app', port: 8080 }],
});

const table = buildRouteTable([
  gateway('gw', [http('web', 80), http('alt', 8080)]),
  route('r', {
    parentRefs: [{ name: 'gw' }],
    rules: [
      redirectRule('/host', { hostname: 'example.org' }),
      redirectRule('/moved', { hostname: 'example.org', statusCode: 301 }),
      redirectRule('/secure', { scheme: 'https' }),
      redirectRule('/secure-port', { scheme: 'https', port: 8443 }),
      redirectRule('/port', { port: 8083 }),
      redirectRule('/full', { path: { type: 'ReplaceFullPath', replaceFullPath: '/new' } }),
      redirectRule('/old', { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/new' } }),
      rewriteRule('/api', {
        hostname: 'internal.example',
        path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' },
      }),
      rewriteRule('/whole', { path: { type: 'ReplaceFullPath', replaceFullPath: '/one' } }),
    ],
  }),
  svc('app'),
]);
const send = (path: string, more: Partial<SimRequest> = {}) =>
  routeRequest(table, { port: 80, scheme: 'http', host: 'shop.example:80', path, ...more });

describe('RequestRedirect', () => {
  it.each([
    ['/host', {}, 302, 'http://example.org/host'],
    ['/moved', {}, 301, 'http://example.org/moved'],
    ['/secure', {}, 302, 'https://shop.example/secure'],
    ['/secure-port', {}, 302, 'https://shop.example:8443/secure-port'],
    ['/port', {}, 302, 'http://shop.example:8083/port'],
    ['/full/a/b', {}, 302, 'http://shop.example/new'],
    ['/old/a/b', {}, 302, 'http://shop.example/new/a/b'],
    ['/host', { port: 8080, host: 'shop.example:8080' }, 302, 'http://example.org:8080/host'], // listener port kept
    ['/secure', { port: 8080, host: 'shop.example:8080' }, 302, 'https://shop.example/secure'], // scheme set → its port
    ['/host', { rawQuery: 'a=1' }, 302, 'http://example.org/host?a=1'], // query kept
  ])('%s %j → %i %s', (path, more, status, location) => {
    const r = send(path, more);
    expect(r).toMatchObject({ status, location });
    expect(r.redirect?.path).toBe(new URL(location).pathname);
  });

  it('redirect.port is null for the scheme default and a string otherwise', () => {
    expect(send('/secure').redirect).toEqual({ scheme: 'https', host: 'shop.example', port: null, path: '/secure' });
    expect(send('/port').redirect?.port).toBe('8083');
  });
});

describe('URLRewrite', () => {
  it('rewrites host and path prefix; the backend is unchanged', () => {
    expect(send('/api/v1/items')).toMatchObject({
      status: 200,
      backend: 'default/app',
      rewrite: { host: 'internal.example', path: '/v1/items' },
    });
    expect(send('/api').rewrite?.path).toBe('/');
    expect(send('/whole/x/y').rewrite).toEqual({ path: '/one' });
  });

  it.each([
    ['/foo/bar', '/foo', '/xyz', '/xyz/bar'],
    ['/foo/', '/foo', '/xyz', '/xyz/'],
    ['/foo', '/foo', '', '/'],
    ['/foo', '/foo', '/', '/'],
    ['/foo/bar', '/foo/', '/xyz/', '/xyz/bar'],
    ['/foo/bar', '/foo', '/', '/bar'],
    ['/abc', '/', '/xyz', '/xyz/abc'],
  ])('ReplacePrefixMatch %s (prefix %s → %s) = %s', (path, p, r, want) => {
    expect(replacePrefix(path, p, r)).toBe(want);
  });
});
