import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diff, diffObject, formatDiff } from '../../src/cluster/diff.js';
import { unifiedDiff } from '../../src/cluster/line-diff.js';
import { type Env, fixtureDocs, startEnv } from './setup.js';
import { gatewayStatus } from './statuses.js';

describe('diff', () => {
  let env: Env;
  beforeEach(async () => {
    env = await startEnv();
  });
  afterEach(async () => {
    await env.fake.stop();
  });

  it('shows only the fields we set, ignoring status, managedFields and server defaults', async () => {
    const docs = fixtureDocs('stack.yaml');
    const [ns, gw, route] = docs.map((d) => structuredClone(d.object) as any);
    env.fake.add(ns);
    // Live Gateway: same spec plus server defaults and status → same.
    env.fake.add({
      ...gw,
      spec: { ...gw.spec, listeners: [{ ...gw.spec.listeners[0], allowedRoutes: { namespaces: { from: 'Same' } } }] },
      status: gatewayStatus(true),
    });
    // Live route: defaults on backendRefs and a different port → changed.
    route.spec.rules[0].backendRefs[0] = { group: '', kind: 'Service', name: 'task-api', port: 9000, weight: 1 };
    env.fake.add(route);

    const r = await diff(env.client, docs.slice(0, 3));
    expect(r.objects.map((o) => [o.ref.kind, o.state])).toEqual([
      ['Namespace', 'same'],
      ['Gateway', 'same'],
      ['HTTPRoute', 'changed'],
    ]);
    const d = r.objects[2].diff;
    expect(d).toContain('--- live HTTPRoute task-api/tasks');
    expect(d).toContain('-          port: 9000');
    expect(d).toContain('+          port: 8000');
    expect(d).not.toContain('weight');
    expect(d).not.toContain('managedFields');
    expect(formatDiff(r)).toContain('1 object(s) differ from context fake; 2 unchanged');
  });

  it('marks new objects and never prints Secret values', () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'tls', namespace: 'a' },
      stringData: { 'tls.key': 'PRIVATE-KEY-MATERIAL' },
    };
    const fresh = diffObject(secret, undefined);
    expect(fresh.state).toBe('new');
    expect(fresh.diff).not.toContain('PRIVATE-KEY-MATERIAL');
    expect(fresh.diff).toMatch(/tls\.key: "<redacted: 20 bytes, sha256 [0-9a-f]{12}>"/);
    const live = {
      ...secret,
      stringData: undefined,
      data: { 'tls.key': Buffer.from('PRIVATE-KEY-MATERIAL').toString('base64') },
    };
    expect(diffObject(secret, live as any).state).toBe('same');
    const rotated = { ...live, data: { 'tls.key': Buffer.from('OTHER').toString('base64') } };
    const changed = diffObject(secret, rotated as any);
    expect(changed.state).toBe('changed');
    expect(changed.diff).not.toMatch(/PRIVATE|OTHER|T1RIRVI/);
  });

  it('unifiedDiff produces hunks with context', () => {
    const a = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const b = ['a', 'b', 'c', 'X', 'e', 'f', 'g', 'h'];
    expect(unifiedDiff(a, b, 1)).toBe('@@ -3,3 +3,3 @@\n c\n-d\n+X\n e');
    expect(unifiedDiff(a, a)).toBe('');
  });
});
