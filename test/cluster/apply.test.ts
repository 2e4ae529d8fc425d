import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApplyProgress, apply, formatPlan } from '../../src/cluster/apply.js';
import { type Env, fixtureDocs, startEnv } from './setup.js';
import { gatewayStatus, policyStatus, scriptHealthyStack } from './statuses.js';

describe('apply against the fake API server', () => {
  let env: Env;
  beforeEach(async () => {
    env = await startEnv();
  });
  afterEach(async () => {
    await env.fake.stop();
  });

  it('refuses without yes and sends no request at all', async () => {
    const before = env.fake.requests.length;
    const r = await apply(env.client, fixtureDocs('stack.yaml'), {});
    expect(r.refused).toBe(true);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ code: 'cluster/confirmation-required' });
    expect(r.diagnostics[0].message).toContain('context fake');
    expect(r.diagnostics[0].message).toContain('task-api');
    expect(env.fake.requests.length).toBe(before);
  });

  it('names the plan first, applies in dependency order, waits for conditions, then succeeds', async () => {
    scriptHealthyStack(env.fake);
    const events: ApplyProgress[] = [];
    const r = await apply(env.client, fixtureDocs('stack.yaml').reverse(), {
      yes: true,
      pollMs: 10,
      timeoutMs: 5000,
      onProgress: (e) => events.push(e),
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.ok).toBe(true);
    expect(events[0].type).toBe('plan');
    expect(formatPlan(r.plan)).toContain('context:    fake');
    expect(r.plan.namespaces).toEqual(['task-api']);
    expect(r.applied.map((x) => x.kind)).toEqual([
      'Namespace',
      'Gateway',
      'HTTPRoute',
      'BackendTrafficPolicy',
      'ScaledObject',
    ]);
    expect(r.ready.map((x) => [x.ref.kind, x.readiness.condition])).toEqual([
      ['Gateway', 'Programmed'],
      ['HTTPRoute', 'Accepted'],
      ['BackendTrafficPolicy', 'Accepted'],
      ['ScaledObject', 'Ready'],
    ]);
    // It polled the Gateway until it was Programmed (scripted on the 2nd GET).
    expect(
      events.some((e) => e.type === 'waiting' && e.ref.kind === 'Gateway' && e.readiness.state === 'pending'),
    ).toBe(true);
    // Real writes (no dryRun) happened after the dry-run writes, and nothing was deleted.
    const writes = env.fake.requests.filter((q) => q.method !== 'GET');
    expect(writes.every((q) => q.method === 'PATCH')).toBe(true);
    expect(writes.filter((q) => q.query.dryRun === undefined)).toHaveLength(5);
    expect(env.fake.find('keda.sh/v1alpha1', 'ScaledObject', 'task-api', 'task-api')).toBeDefined();
  });

  it('stops with the object, condition and reason when a wait times out', async () => {
    env.fake.scriptStatus('gateway.networking.k8s.io/v1', 'Gateway', 'task-api', 'eg', () =>
      gatewayStatus(false, 'NoResources'),
    );
    const t0 = Date.now();
    const r = await apply(env.client, fixtureDocs('stack.yaml'), { yes: true, pollMs: 20, timeoutMs: 300 });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(r.ok).toBe(false);
    expect(r.applied.map((x) => x.kind)).toEqual(['Namespace', 'Gateway']);
    const d = r.diagnostics.find((x) => x.severity === 'error');
    expect(d).toMatchObject({ code: 'cluster/wait-timeout', resource: { kind: 'Gateway', name: 'eg' } });
    expect(d?.message).toContain('Programmed=False');
    expect(d?.message).toContain('NoResources');
  });

  it('on a cluster without LoadBalancer (AddressNotAssigned) waits for a ready Envoy pod, then warns', async () => {
    scriptHealthyStack(env.fake);
    const labels = {
      'gateway.envoyproxy.io/owning-gateway-name': 'eg',
      'gateway.envoyproxy.io/owning-gateway-namespace': 'task-api',
    };
    env.fake.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'envoy-gateway-system' } });
    env.fake.add({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'envoy-task-api-eg-1', namespace: 'envoy-gateway-system', labels },
      spec: { type: 'LoadBalancer', selector: labels, ports: [{ port: 8080, targetPort: 8080 }] },
    });
    const pod = env.fake.add({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'envoy-1', namespace: 'envoy-gateway-system', labels },
      status: { phase: 'Pending' },
    });
    env.fake.scriptStatus('gateway.networking.k8s.io/v1', 'Gateway', 'task-api', 'eg', (n) => {
      // The Envoy pod becomes ready at the 3rd poll of the Gateway; no address is ever assigned.
      if (n >= 3)
        Object.assign(env.fake.find('v1', 'Pod', 'envoy-gateway-system', 'envoy-1') ?? pod, {
          status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
        });
      return gatewayStatus(false, 'AddressNotAssigned');
    });
    const events: ApplyProgress[] = [];
    const r = await apply(env.client, fixtureDocs('stack.yaml'), {
      yes: true,
      pollMs: 10,
      timeoutMs: 5000,
      onProgress: (e) => events.push(e),
    });
    expect(r.ok).toBe(true);
    const waits = events
      .filter((e) => e.type === 'waiting' && e.ref.kind === 'Gateway')
      .map((e) => (e as { readiness: { state: string; message?: string } }).readiness);
    expect(waits[0]).toMatchObject({ state: 'pending' });
    expect(waits[0].message).toContain('no ready pod behind service envoy-gateway-system/envoy-task-api-eg-1');
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'cluster/condition-warning', severity: 'warning' }),
    ]);
    expect(r.diagnostics[0].message).toContain('use --port-forward');
  });

  it('fails fast on a Conflicted policy', async () => {
    scriptHealthyStack(env.fake);
    env.fake.scriptStatus('gateway.envoyproxy.io/v1alpha1', 'BackendTrafficPolicy', 'task-api', 'tasks-ratelimit', () =>
      policyStatus(false),
    );
    const r = await apply(env.client, fixtureDocs('stack.yaml'), { yes: true, pollMs: 10, timeoutMs: 5000 });
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.severity === 'error');
    expect(d).toMatchObject({ code: 'cluster/wait-failed', resource: { kind: 'BackendTrafficPolicy' } });
    expect(d?.message).toContain('Conflicted');
    expect(d?.message).toContain('ancestor task-api/eg/http');
    expect(r.applied.map((x) => x.kind)).not.toContain('ScaledObject');
  });

  it('stops before writing anything when the dry-run is rejected', async () => {
    env.fake.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'task-api' } });
    env.fake.reject((o) =>
      o.kind === 'HTTPRoute'
        ? [{ field: 'spec.rules[0].matches[0].path.type', message: 'Unsupported value: "Prefix"' }]
        : undefined,
    );
    const r = await apply(env.client, fixtureDocs('stack.yaml'), { yes: true, pollMs: 10, timeoutMs: 1000 });
    expect(r.ok).toBe(false);
    expect(r.applied).toEqual([]);
    expect(r.diagnostics[0]).toMatchObject({ code: 'cluster/rejected', path: 'spec.rules[0].matches[0].path.type' });
    expect(env.fake.requests.filter((q) => q.method === 'PATCH' && q.query.dryRun === undefined)).toEqual([]);
  });
});
