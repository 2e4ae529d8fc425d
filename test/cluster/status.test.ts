import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { status } from '../../src/cluster/status.js';
import { formatStatus } from '../../src/cluster/status-format.js';
import { type Env, fixtureDocs, startEnv } from './setup.js';
import { gatewayStatus, policyStatus, routeStatus, scaledObjectStatus } from './statuses.js';

describe('status against the fake API server', () => {
  let env: Env;
  beforeEach(async () => {
    env = await startEnv();
  });
  afterEach(async () => {
    await env.fake.stop();
  });

  it('shows listeners with attached routes, route parents, Conflicted ancestors, ScaledObject columns and HPA replicas', async () => {
    const docs = fixtureDocs('stack.yaml');
    const [ns, gw, route, btp, so] = docs.map((d) => structuredClone(d.object) as any);
    env.fake.add(ns);
    env.fake.add({ ...gw, status: gatewayStatus(true, 'Programmed', 2) });
    env.fake.add({ ...route, status: routeStatus(true, false) });
    env.fake.add({ ...btp, status: policyStatus(false) });
    env.fake.add({ ...so, status: scaledObjectStatus(true, true) });
    env.fake.add({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'keda-hpa-task-api', namespace: 'task-api' },
      spec: { minReplicas: 1, maxReplicas: 5 },
      status: { currentReplicas: 2, desiredReplicas: 3 },
    });

    env.fake.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'envoy-gateway-system' } });
    env.fake.add({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'envoy-task-api-eg-1a2b3c',
        namespace: 'envoy-gateway-system',
        labels: {
          'gateway.envoyproxy.io/owning-gateway-name': 'eg',
          'gateway.envoyproxy.io/owning-gateway-namespace': 'task-api',
        },
      },
      spec: { type: 'NodePort', ports: [{ port: 8080, targetPort: 8080, nodePort: 31080, protocol: 'TCP' }] },
    });
    const r = await status(env.client, docs);
    const by = Object.fromEntries(r.objects.map((o) => [o.ref.kind, o]));
    expect(by.Gateway.listeners).toEqual([{ name: 'http', attachedRoutes: 2 }]);
    expect(by.Gateway.addresses).toEqual(['172.18.0.200']);
    expect(by.Gateway.readiness?.state).toBe('ready');
    expect(by.HTTPRoute.conditions.find((c) => c.type === 'ResolvedRefs')).toMatchObject({
      scope: 'parent task-api/eg/http',
      status: 'False',
      reason: 'BackendNotFound',
    });
    expect(by.HTTPRoute.readiness?.state).toBe('pending');
    expect(by.BackendTrafficPolicy.readiness).toMatchObject({ state: 'failed', condition: 'Conflicted' });
    expect(by.ScaledObject.scaledObject).toMatchObject({
      ready: 'True',
      active: 'True',
      fallback: 'False',
      hpa: { name: 'keda-hpa-task-api', found: true, currentReplicas: 2, desiredReplicas: 3 },
    });

    const text = formatStatus(r);
    expect(text).toContain('Gateway task-api/eg: READY  (addresses 172.18.0.200)');
    expect(text).toMatch(/listener http \(2 routes\)\s+Programmed\s+True/);
    expect(text).toMatch(
      /ancestor task-api\/eg\/http\s+Accepted\s+False\s+Conflicted\s+Unable to target HTTPRoute tasks/,
    );
    expect(text).toContain('READY True  ACTIVE True  FALLBACK False');
    expect(text).toMatch(/hpa keda-hpa-task-api\s+replicas\s+current 2 desired 3 \(min 1, max 5\)/);
    expect(text).toContain('Namespace task-api: READY');
    expect(text).toMatch(
      /envoy service\s+envoy-gateway-system\/envoy-task-api-eg-1a2b3c \(NodePort, address none, ports 8080:31080\/TCP\)/,
    );
  });

  it('accepts bare references and says NOT FOUND for missing objects', async () => {
    const r = await status(env.client, [
      { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', name: 'nope', namespace: 'x' },
    ]);
    expect(r.objects[0]).toMatchObject({ found: false, ref: { kind: 'Gateway', name: 'nope', namespace: 'x' } });
    expect(formatStatus(r)).toContain('Gateway x/nope: NOT FOUND');
  });
});
