import { describe, expect, it } from 'vitest';
import { readiness, waitsFor } from '../../src/cluster/conditions.js';
import { applyStage, orderForApply } from '../../src/cluster/order.js';
import { parseK8sFieldPath } from '../../src/cluster/rejection.js';
import { cond, gatewayStatus, policyStatus, routeStatus, scaledObjectStatus } from './statuses.js';

const gw = (status: unknown, generation = 1) =>
  ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'eg', namespace: 'a', generation },
    status,
  }) as any;
const route = (status: unknown, parentRefs: unknown[] = [{ name: 'eg', sectionName: 'http' }]) =>
  ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'r', namespace: 'task-api', generation: 1 },
    spec: { parentRefs },
    status,
  }) as any;
const btp = (status: unknown) =>
  ({
    apiVersion: 'gateway.envoyproxy.io/v1alpha1',
    kind: 'BackendTrafficPolicy',
    metadata: { name: 'p', generation: 1 },
    status,
  }) as any;

describe('readiness rules', () => {
  it.each([
    ['programmed gateway', gw(gatewayStatus(true)), 'ready', 'Programmed'],
    ['not yet reported', gw({}), 'pending', 'Programmed'],
    ['stale generation', gw(gatewayStatus(true), 2), 'pending', 'Programmed'],
    ['transient NoResources', gw(gatewayStatus(false, 'NoResources')), 'pending', 'Programmed'],
    ['Invalid is final', gw(gatewayStatus(false, 'Invalid')), 'failed', 'Programmed'],
    ['route accepted + resolved', route(routeStatus()), 'ready', 'Accepted'],
    ['route without status for its parent', route({ parents: [] }), 'pending', 'Accepted'],
    [
      'route BackendNotFound may resolve later',
      route(routeStatus(true, false, 'BackendNotFound')),
      'pending',
      'ResolvedRefs',
    ],
    ['route RefNotPermitted is final', route(routeStatus(true, false, 'RefNotPermitted')), 'failed', 'ResolvedRefs'],
    ['route NotAllowedByListeners is final', route(routeStatus(false)), 'failed', 'Accepted'],
    [
      'route whose status is for another section',
      route(routeStatus(), [{ name: 'eg', sectionName: 'https' }]),
      'pending',
      'Accepted',
    ],
    ['policy accepted', btp(policyStatus(true)), 'ready', 'Accepted'],
    ['policy Conflicted', btp(policyStatus(false)), 'failed', 'Conflicted'],
    [
      'policy Invalid',
      btp(
        policyStatus(
          false,
          'Invalid',
          'RateLimit: local rateLimit rule limit unit must be a multiple of the default limit unit.',
        ),
      ),
      'failed',
      'Accepted',
    ],
    [
      'policy TargetNotFound may resolve',
      btp(policyStatus(false, 'TargetNotFound', 'not found')),
      'pending',
      'Accepted',
    ],
    ['policy without ancestors', btp({}), 'pending', 'Accepted'],
    [
      'ScaledObject ready',
      {
        apiVersion: 'keda.sh/v1alpha1',
        kind: 'ScaledObject',
        metadata: { name: 's' },
        status: scaledObjectStatus(true),
      },
      'ready',
      'Ready',
    ],
    [
      'ScaledObject unknown',
      {
        apiVersion: 'keda.sh/v1alpha1',
        kind: 'ScaledObject',
        metadata: { name: 's' },
        status: scaledObjectStatus(false),
      },
      'pending',
      'Ready',
    ],
    [
      'ScaledObject check failed',
      {
        apiVersion: 'keda.sh/v1alpha1',
        kind: 'ScaledObject',
        metadata: { name: 's' },
        status: {
          conditions: [
            cond(
              'Ready',
              'False',
              'ScaledObjectCheckFailed',
              "ScaledObject doesn't have correct scaleTargetRef specification",
            ),
          ],
        },
      },
      'failed',
      'Ready',
    ],
  ])('%s → %s', (_name, obj, state, condition) => {
    const r = readiness(obj as any);
    expect(r.state).toBe(state);
    expect(r.condition).toBe(condition);
  });

  it('treats AddressNotAssigned as ready with a port-forward warning (kind has no LoadBalancer)', () => {
    const r = readiness(gw(gatewayStatus(false, 'AddressNotAssigned')));
    expect(r.state).toBe('ready');
    expect(r.warnings[0]).toContain('--port-forward');
  });

  it('fails on a conflicted or unresolvable listener, waits on a missing certificate', () => {
    const s = gatewayStatus(true);
    s.listeners[0].conditions = [cond('Conflicted', 'True', 'HostnameConflict', 'two listeners share a hostname')];
    expect(readiness(gw(s))).toMatchObject({ state: 'failed', condition: 'Conflicted', where: 'listener http' });
    const t = gatewayStatus(true);
    t.listeners[0].conditions = [
      cond('ResolvedRefs', 'False', 'InvalidCertificateRef', 'Secret task-api/tls does not exist'),
    ];
    expect(readiness(gw(t))).toMatchObject({ state: 'pending', reason: 'InvalidCertificateRef' });
  });

  it('waits only for kinds with meaningful status', () => {
    expect(
      ['Gateway', 'HTTPRoute', 'ScaledObject', 'GatewayClass'].every((kind) =>
        waitsFor({ apiVersion: 'gateway.networking.k8s.io/v1', kind }),
      ),
    ).toBe(true);
    expect(waitsFor({ apiVersion: 'gateway.envoyproxy.io/v1alpha1', kind: 'ClientTrafficPolicy' })).toBe(true);
    expect(waitsFor({ apiVersion: 'v1', kind: 'Secret' })).toBe(false);
  });
});

describe('apply order', () => {
  it('puts namespaces, secrets, backends, classes, gateways, routes, policies, autoscalers, others in that order', () => {
    const kinds = [
      'Widget',
      'ScaledObject',
      'ClientTrafficPolicy',
      'HTTPRoute',
      'Gateway',
      'GatewayClass',
      'Service',
      'Certificate',
      'Secret',
      'Namespace',
    ];
    const groups = orderForApply(kinds, (k) => ({ kind: k }));
    expect(groups).toEqual([
      ['Namespace'],
      ['Certificate', 'Secret'],
      ['Service'],
      ['GatewayClass'],
      ['Gateway'],
      ['HTTPRoute'],
      ['ClientTrafficPolicy'],
      ['ScaledObject'],
      ['Widget'],
    ]);
    expect(applyStage({ kind: 'SomeVendorPolicy' })).toBe(applyStage({ kind: 'BackendTrafficPolicy' }));
  });
});

describe('Kubernetes field paths', () => {
  it.each([
    ['spec.rules[0].matches[0].path.type', ['spec', 'rules', 0, 'matches', 0, 'path', 'type']],
    ['metadata.labels[app.kubernetes.io/name]', ['metadata', 'labels', 'app.kubernetes.io/name']],
    ['spec', ['spec']],
  ])('%s', (field, segs) => {
    expect(parseK8sFieldPath(field)).toEqual(segs);
  });
});
