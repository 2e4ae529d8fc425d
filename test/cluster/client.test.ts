import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect } from '../../src/cluster/client.js';
import { ClusterError, clusterErrorToDiagnostic } from '../../src/cluster/errors.js';
import { FakeApiServer } from '../helpers/fake-apiserver.js';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    expect(e).toBeInstanceOf(ClusterError);
    return clusterErrorToDiagnostic(e).code;
  }
}

describe('connect and typed errors', () => {
  let fake: FakeApiServer;
  beforeEach(async () => {
    fake = await new FakeApiServer().start();
  });
  afterEach(async () => {
    await fake.stop();
  });

  it('no kubeconfig → cluster/no-kubeconfig', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'te-')), 'nope');
    expect(await codeOf(connect({ kubeconfig: missing }))).toBe('cluster/no-kubeconfig');
  });

  it('unknown context → cluster/bad-context, naming the contexts it has', async () => {
    const kc = fake.writeKubeconfig({ context: 'kind-dev' });
    const err = await connect({ kubeconfig: kc, context: 'prod' }).then(
      () => {
        throw new Error('expected an error');
      },
      (e: unknown) => e as ClusterError,
    );
    expect(clusterErrorToDiagnostic(err).code).toBe('cluster/bad-context');
    expect(err.message).toContain('kind-dev');
  });

  it('uses KUBECONFIG and --context; namespaced objects default to the context namespace', async () => {
    const kc = fake.writeKubeconfig({ context: 'kind-dev', namespace: 'apps' });
    const prev = process.env.KUBECONFIG;
    process.env.KUBECONFIG = kc;
    try {
      const c = await connect({ context: 'kind-dev' });
      expect(c.context).toBe('kind-dev');
      expect(c.defaultNamespace).toBe('apps');
      expect(await c.pathFor('v1', 'Secret', 'apps', 'x')).toBe('/api/v1/namespaces/apps/secrets/x');
    } finally {
      if (prev === undefined) delete process.env.KUBECONFIG;
      else process.env.KUBECONFIG = prev;
    }
  });

  it('401 → cluster/unauthorized; a bearer token from the kubeconfig is sent', async () => {
    fake.token = 's3cret';
    const bad = await connect({ kubeconfig: fake.writeKubeconfig({ token: 'wrong' }) });
    expect(await codeOf(bad.request('GET', '/version'))).toBe('cluster/unauthorized');
    const good = await connect({ kubeconfig: fake.writeKubeconfig({ token: 's3cret' }) });
    expect((await good.request('GET', '/version')).status).toBe(200);
  });

  it('nothing listening → cluster/unreachable', async () => {
    const kc = fake.writeKubeconfig();
    await fake.stop();
    const c = await connect({ kubeconfig: kc, requestTimeoutMs: 2000 });
    expect(await codeOf(c.request('GET', '/version'))).toBe('cluster/unreachable');
    fake = await new FakeApiServer().start();
  });

  it('a malformed kubeconfig → cluster/no-kubeconfig with the file named', async () => {
    const f = join(mkdtempSync(join(tmpdir(), 'te-')), 'config');
    writeFileSync(f, 'clusters: [\n');
    const err = await connect({ kubeconfig: f }).then(
      () => {
        throw new Error('expected an error');
      },
      (e: unknown) => e as ClusterError,
    );
    expect(clusterErrorToDiagnostic(err).code).toBe('cluster/no-kubeconfig');
    expect(err.message).toContain(f);
  });

  it('list fills apiVersion/kind on items of built-in lists', async () => {
    fake.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } });
    const c = await connect({ kubeconfig: fake.writeKubeconfig() });
    const items = await c.list('v1', 'Namespace');
    expect(items[0]).toMatchObject({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } });
  });
});

describe('KUBECONFIG with several files', () => {
  it('merges them like kubectl: first file wins, contexts of later files are usable', async () => {
    const a = await new FakeApiServer().start();
    const b = await new FakeApiServer().start();
    try {
      const fa = a.writeKubeconfig({ context: 'a' });
      const fb = b.writeKubeconfig({ context: 'b' });
      // Both files name their cluster and user "fake": the first definition wins, as in kubectl.
      const c = await connect({ env: { KUBECONFIG: `${fa}:${fb}` } });
      expect(c.context).toBe('a');
      expect(c.server).toBe(a.url);
      const other = await connect({ env: { KUBECONFIG: `${fa}:${fb}` }, context: 'b' });
      expect(other.context).toBe('b');
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
