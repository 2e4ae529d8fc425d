import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/model/manifest.js';
import { buildRouteTable, computeRouteStatus, routeRequest } from '../../../src/simulate/route/index.js';
import { gateway, http, route, svc } from './helpers.js';

const GW = 'gateway.networking.k8s.io/v1';
const grant = (from: Record<string, unknown>, to: Record<string, unknown>, namespace = 'backends'): Manifest => ({
  apiVersion: 'gateway.networking.k8s.io/v1beta1',
  kind: 'ReferenceGrant',
  metadata: { name: 'g', namespace },
  spec: { from: [from], to: [to] },
});
const routeFrom = { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' };

function send(backendRefs: unknown[] | undefined, extra: Manifest[] = []) {
  const resources = [
    gateway('gw', [http('web')]),
    route('r', { rules: [{ backendRefs }] }),
    svc('a'),
    svc('b'),
    svc('c'),
    svc('x', 'backends'),
    ...extra,
  ];
  return {
    result: routeRequest(buildRouteTable(resources), { port: 80, scheme: 'http', host: 'h', path: '/' }),
    resources,
  };
}
const refsOf = (resources: Manifest[]) =>
  computeRouteStatus(resources).routes[0].parents[0].conditions.find((c) => c.type === 'ResolvedRefs');

describe('backend choice', () => {
  it('weights are fractions of their sum; zero weights are listed with 0', () => {
    const { result } = send([
      { name: 'a', port: 8080, weight: 70 },
      { name: 'b', port: 8080, weight: 30 },
      { name: 'c', port: 8080, weight: 0 },
    ]);
    expect(result.status).toBe(200);
    expect(result.backend).toBeUndefined();
    expect(result.weightedBackends).toEqual({ 'default/a': 0.7, 'default/b': 0.3, 'default/c': 0 });
  });

  it('weight defaults to 1; one non-zero backend is reported as `backend`', () => {
    expect(
      send([
        { name: 'a', port: 8080 },
        { name: 'b', port: 8080 },
      ]).result.weightedBackends,
    ).toEqual({ 'default/a': 0.5, 'default/b': 0.5 });
    const one = send([
      { name: 'a', port: 8080, weight: 5 },
      { name: 'b', port: 8080, weight: 0 },
    ]).result;
    expect(one).toMatchObject({
      status: 200,
      backend: 'default/a',
      weightedBackends: { 'default/a': 1, 'default/b': 0 },
    });
  });

  it('all weights zero → 500', () => {
    expect(send([{ name: 'a', port: 8080, weight: 0 }]).result.status).toBe(500);
  });

  it('missing or empty backendRefs → 500, ResolvedRefs stays True', () => {
    for (const refs of [undefined, []]) {
      const { result, resources } = send(refs);
      expect(result.status).toBe(500);
      expect(refsOf(resources)?.status).toBe('True');
    }
  });

  it('a nonexistent Service → 500, BackendNotFound', () => {
    const { result, resources } = send([{ name: 'ghost', port: 8080 }]);
    expect(result).toMatchObject({ status: 500 });
    expect(result.reason).toMatch(/BackendNotFound/);
    expect(refsOf(resources)?.reason).toBe('BackendNotFound');
  });

  it('an unsupported kind → 500, InvalidKind', () => {
    const { result, resources } = send([{ group: 'example.com', kind: 'Bucket', name: 'a', port: 8080 }]);
    expect(result.status).toBe(500);
    expect(refsOf(resources)?.reason).toBe('InvalidKind');
  });

  it('a cross-namespace Service needs a matching ReferenceGrant in the target namespace', () => {
    const ref = [{ name: 'x', namespace: 'backends', port: 8080 }];
    const denied = send(ref);
    expect(denied.result.status).toBe(500);
    expect(refsOf(denied.resources)?.reason).toBe('RefNotPermitted');
    expect(send(ref, [grant(routeFrom, { group: '', kind: 'Service' })]).result).toMatchObject({
      status: 200,
      backend: 'backends/x',
    });
    expect(send(ref, [grant(routeFrom, { group: '', kind: 'Service', name: 'x' })]).result.status).toBe(200);
    // non-grants: wrong name, wrong from kind, wrong from namespace, grant in the route's namespace
    expect(send(ref, [grant(routeFrom, { group: '', kind: 'Service', name: 'y' })]).result.status).toBe(500);
    expect(send(ref, [grant({ ...routeFrom, kind: 'GRPCRoute' }, { group: '', kind: 'Service' })]).result.status).toBe(
      500,
    );
    expect(send(ref, [grant({ ...routeFrom, namespace: 'other' }, { group: '', kind: 'Service' })]).result.status).toBe(
      500,
    );
    expect(send(ref, [grant(routeFrom, { group: '', kind: 'Service' }, 'default')]).result.status).toBe(500);
  });

  it('valid and invalid refs mixed: the split is reported and the invalid share named as 500', () => {
    const { result } = send([
      { name: 'a', port: 8080, weight: 3 },
      { name: 'ghost', port: 8080, weight: 1 },
    ]);
    expect(result.status).toBe(200);
    expect(result.weightedBackends).toEqual({ 'default/a': 0.75, 'default/ghost': 0.25 });
    expect(result.reason).toMatch(/25% of requests get 500/);
  });

  it('an invalid rule does not spoil a valid sibling rule', () => {
    const resources: Manifest[] = [
      gateway('gw', [http('web')]),
      {
        apiVersion: GW,
        kind: 'HTTPRoute',
        metadata: { name: 'r', namespace: 'default' },
        spec: {
          parentRefs: [{ name: 'gw' }],
          rules: [
            { matches: [{ path: { type: 'PathPrefix', value: '/ok' } }], backendRefs: [{ name: 'a', port: 8080 }] },
            {
              matches: [{ path: { type: 'PathPrefix', value: '/bad' } }],
              backendRefs: [{ name: 'ghost', port: 8080 }],
            },
          ],
        },
      },
      svc('a'),
    ];
    const t = buildRouteTable(resources);
    const q = (path: string) => routeRequest(t, { port: 80, scheme: 'http', host: 'h', path });
    expect(q('/ok')).toMatchObject({ status: 200, backend: 'default/a' });
    expect(q('/bad').status).toBe(500);
  });
});
