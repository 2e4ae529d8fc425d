import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Env, FIXTURES, startEnv } from '../cluster/setup.js';
import { gatewayStatus, policyStatus, routeStatus, scaledObjectStatus } from '../cluster/statuses.js';
import { connect } from './helpers.js';

// The cluster tools against the fake API server the cluster tests use (a real HTTP server on loopback).
const STACK = join(FIXTURES, 'stack.yaml');

// biome-ignore lint/suspicious/noExplicitAny: structured content is checked field by field
type Loose = any;

describe('cluster tools against a (fake) API server', () => {
  let env: Env;
  let c: Awaited<ReturnType<typeof connect>>;
  beforeEach(async () => {
    env = await startEnv();
    c = await connect({ allowApply: true, env: { KUBECONFIG: env.kubeconfig } });
  });
  afterEach(async () => {
    await c.close();
    await env.fake.stop();
  });
  const call = async (name: string, args: Record<string, unknown>) => {
    const r = await c.client.callTool({ name, arguments: args });
    return { isError: r.isError, out: r.structuredContent as Loose, text: (r.content as { text: string }[])[0].text };
  };

  it('dry_run: per-object actions; a rejection is isError with the field path', async () => {
    env.fake.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'task-api' } });
    const ok = await call('dry_run', { files: [STACK] });
    expect(ok.isError).toBeFalsy();
    expect(ok.out.context).toBe('fake');
    expect(ok.out.objects).toContainEqual({ resource: 'HTTPRoute task-api/tasks', action: 'created' });
    env.fake.reject((o) =>
      o.kind === 'BackendTrafficPolicy'
        ? [{ field: 'spec.rateLimit.local.rules[0].limit.unit', message: 'Unsupported value: "Fortnight"' }]
        : undefined,
    );
    const bad = await call('dry_run', { files: [STACK] });
    expect(bad.isError).toBe(true);
    expect(bad.out.ok).toBe(false);
    expect(bad.out.diagnostics[0]).toMatchObject({
      code: 'cluster/rejected',
      path: 'spec.rateLimit.local.rules[0].limit.unit',
    });
  });

  it('apply_stack: dry-runs, applies in order and waits for readiness; nothing is written without confirm', async () => {
    const refused = await call('apply_stack', { files: [STACK] });
    expect(refused.isError).toBe(true);
    expect(env.fake.requests.filter((q) => q.method === 'PATCH')).toEqual([]);

    env.fake.scriptStatus('gateway.networking.k8s.io/v1', 'Gateway', 'task-api', 'eg', (n) =>
      gatewayStatus(n >= 2, 'NoResources'),
    );
    env.fake.scriptStatus('gateway.networking.k8s.io/v1', 'HTTPRoute', 'task-api', 'tasks', () => routeStatus());
    env.fake.scriptStatus('gateway.envoyproxy.io/v1alpha1', 'BackendTrafficPolicy', 'task-api', 'tasks-ratelimit', () =>
      policyStatus(true),
    );
    env.fake.scriptStatus('keda.sh/v1alpha1', 'ScaledObject', 'task-api', 'task-api', () => scaledObjectStatus(true));
    const r = await call('apply_stack', { files: [STACK], confirm: true, timeoutSeconds: 10 });
    expect(r.isError).toBeFalsy();
    expect(r.out.dryRunOk).toBe(true);
    expect(r.out.applied).toContain('Gateway task-api/eg');
    expect(r.out.ready.every((x: { state: string }) => x.state === 'ready')).toBe(true);

    const st = await call('cluster_status', { files: [STACK] });
    expect(st.out.ok).toBe(true);
    expect(st.out.objects).toContainEqual(
      expect.objectContaining({ resource: 'HTTPRoute task-api/tasks', found: true, state: 'ready' }),
    );
  }, 30_000);

  it('cluster_status: objects not there yet are reported as missing (ok false), not as an error', async () => {
    const st = await call('cluster_status', { files: [STACK] });
    expect(st.isError).toBeFalsy();
    expect(st.out.ok).toBe(false);
    expect(st.out.objects.some((o: { found: boolean }) => !o.found)).toBe(true);
    expect(st.text).toMatch(/missing/);
  });
});
