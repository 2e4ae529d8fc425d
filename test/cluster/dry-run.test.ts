import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dryRun } from '../../src/cluster/dry-run.js';
import { type Env, fixtureDocs, startEnv } from './setup.js';

describe('dryRun against the fake API server', () => {
  let env: Env;
  beforeEach(async () => {
    env = await startEnv();
  });
  afterEach(async () => {
    await env.fake.stop();
  });

  it('reports created, configured and unchanged, and persists nothing', async () => {
    const docs = fixtureDocs('stack.yaml');
    env.fake.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'task-api' } });
    // Gateway already live with the same spec (unchanged); HTTPRoute live with another backend port (configured).
    env.fake.add({ ...docs[1].object, metadata: { ...docs[1].object.metadata } });
    const route = structuredClone(docs[2].object) as any;
    route.spec.rules[0].backendRefs[0].port = 9000;
    env.fake.add(route);

    const r = await dryRun(env.client, docs);
    expect(r.ok).toBe(true);
    expect(r.objects.map((o) => [o.ref.kind, o.action])).toEqual([
      ['Namespace', 'unchanged'],
      ['Gateway', 'unchanged'],
      ['HTTPRoute', 'configured'],
      ['BackendTrafficPolicy', 'created'],
      ['ScaledObject', 'created'],
    ]);
    // Nothing was persisted and the live route keeps its port.
    expect(env.fake.find('keda.sh/v1alpha1', 'ScaledObject', 'task-api', 'task-api')).toBeUndefined();
    expect(
      env.fake.find('gateway.networking.k8s.io/v1', 'HTTPRoute', 'task-api', 'tasks')?.spec.rules[0].backendRefs[0]
        .port,
    ).toBe(9000);
    // Every write was a server-side apply dry-run with our field manager.
    const patches = env.fake.requests.filter((q) => q.method === 'PATCH');
    expect(patches).toHaveLength(5);
    for (const p of patches) {
      expect(p.contentType).toBe('application/apply-patch+yaml');
      expect(p.query).toMatchObject({ dryRun: 'All', fieldManager: 'traffic-engineer', force: 'true' });
    }
  });

  it('maps a 422 Invalid Status to the document, field path and line', async () => {
    env.fake.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'task-api' } });
    env.fake.reject((obj) =>
      obj.kind === 'BackendTrafficPolicy'
        ? [
            {
              reason: 'FieldValueNotSupported',
              field: 'spec.rateLimit.local.rules[0].limit.unit',
              message: 'Unsupported value: "Fortnight": supported values: "Second", "Minute"',
            },
          ]
        : undefined,
    );
    const docs = fixtureDocs('stack.yaml');
    const r = await dryRun(env.client, docs);
    expect(r.ok).toBe(false);
    const failed = r.objects.filter((o) => o.action === 'failed');
    expect(failed.map((o) => [o.ref.kind, o.index])).toEqual([['BackendTrafficPolicy', 3]]);
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0];
    expect(d).toMatchObject({
      code: 'cluster/rejected',
      severity: 'error',
      path: 'spec.rateLimit.local.rules[0].limit.unit',
      resource: { kind: 'BackendTrafficPolicy', name: 'tasks-ratelimit', namespace: 'task-api' },
    });
    expect(d.file).toMatch(/stack\.yaml$/);
    expect(d.line).toBe(51); // the `unit: Minute` line in the fixture
    expect(d.message).toContain('Unsupported value');
  });

  it('reports a kind the cluster does not serve with the install command', async () => {
    const bare = await startEnv({ crds: false });
    try {
      bare.fake.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'task-api' } });
      const r = await dryRun(bare.client, fixtureDocs('stack.yaml'));
      const so = r.diagnostics.find((d) => d.resource?.kind === 'ScaledObject');
      expect(so).toMatchObject({ code: 'cluster/unknown-kind' });
      expect(so?.hint).toContain('keda-2.20.2.yaml');
    } finally {
      await bare.fake.stop();
    }
  });

  it('skips objects whose namespace this stack creates, instead of failing them', async () => {
    const r = await dryRun(env.client, fixtureDocs('stack.yaml'));
    expect(r.ok).toBe(true);
    expect(r.objects.map((o) => o.action)).toEqual(['created', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(r.diagnostics[0]).toMatchObject({ code: 'cluster/namespace-pending', severity: 'info' });
  });
});
