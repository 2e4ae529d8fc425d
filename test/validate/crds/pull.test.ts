import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCrdCache, pullCrds, releaseAssetPath } from '../../../src/validate/crds/index.js';

const FIX = join(import.meta.dirname, '..', '..', 'fixtures', 'validate-schema');
const widget = readFileSync(join(FIX, 'widget-crd.yaml'), 'utf8'); // a CRD and a ConfigMap
const widgetV2 = readFileSync(join(FIX, 'widget-crd-v2.yaml'), 'utf8');

let server: Server;
let origin = '';
const requests: string[] = [];

beforeAll(async () => {
  const assets: Record<string, string> = {
    [releaseAssetPath('gatewayApi', 'v1.6.1', 'standard')]: widget,
    [releaseAssetPath('envoyGateway', 'v1.9.0', 'standard')]: widgetV2,
    [releaseAssetPath('certManager', 'v1.21.1', 'standard')]: `${widget}\n# padding\n`.repeat(50),
    [releaseAssetPath('keda', 'v9.9.9', 'standard')]: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n',
  };
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = assets[req.url ?? ''];
    if (body === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe('pullCrds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'te-pull-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the official asset names', () => {
    expect(releaseAssetPath('gatewayApi', 'v1.6.1', 'experimental')).toBe(
      '/kubernetes-sigs/gateway-api/releases/download/v1.6.1/experimental-install.yaml',
    );
    expect(releaseAssetPath('envoyGateway', 'v1.9.0', 'standard')).toBe(
      '/envoyproxy/gateway/releases/download/v1.9.0/envoy-gateway-crds.yaml',
    );
    expect(releaseAssetPath('keda', 'v2.20.2', 'standard')).toBe(
      '/kedacore/keda/releases/download/v2.20.2/keda-2.20.2-crds.yaml',
    );
    expect(releaseAssetPath('certManager', 'v1.21.1', 'standard')).toBe(
      '/cert-manager/cert-manager/releases/download/v1.21.1/cert-manager.crds.yaml',
    );
  });

  it('downloads through the mirror, keeps only CRDs, and reports failures per project', async () => {
    const res = await pullCrds({ mirror: origin, cacheDir: dir, keda: 'v9.9.9', maxBytes: 64 * 1024, timeoutMs: 5000 });
    expect(res.pulled.map((p) => [p.project, p.crds])).toEqual([
      ['gatewayApi', 1],
      ['envoyGateway', 1],
    ]);
    expect(res.diagnostics.map((d) => d.code)).toEqual(['crds/pull-failed', 'crds/pull-failed']);
    expect(res.diagnostics[0].message).toMatch(/keda v9.9.9 .*no CustomResourceDefinition/);
    expect(res.diagnostics[1].message).toMatch(/certManager v1.21.1 .*byte limit/);
    expect(readdirSync(dir).sort()).toEqual(['envoy-gateway.yaml', 'gateway-api.yaml']); // no temp files left
    const gw = readFileSync(join(dir, 'gateway-api.yaml'), 'utf8');
    expect(gw).toContain(
      `# source: ${origin}/kubernetes-sigs/gateway-api/releases/download/v1.6.1/standard-install.yaml`,
    );
    expect(gw).not.toContain('kind: ConfigMap');
    const set = await loadCrdCache(dir);
    // gateway-api.yaml sorts after envoy-gateway.yaml: the Gateway API copy wins.
    expect(set.versionsOf('example.test', 'Widget')).toEqual(['v1', 'v1beta1']);
    expect(set.diagnostics.map((d) => d.code)).toEqual(['crds/replaced']);
  });

  it('skips projects set to false and rejects malformed versions', async () => {
    requests.length = 0;
    const res = await pullCrds({
      mirror: origin,
      cacheDir: dir,
      gatewayApi: '../../etc',
      envoyGateway: false,
      keda: false,
      certManager: false,
    });
    expect(res.pulled).toEqual([]);
    expect(res.diagnostics.map((d) => d.code)).toEqual(['crds/bad-version']);
    expect(requests).toEqual([]);
  });

  it('times out on a server that never answers', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as AddressInfo).port;
    try {
      const res = await pullCrds({
        mirror: `http://127.0.0.1:${port}`,
        cacheDir: dir,
        envoyGateway: false,
        keda: false,
        certManager: false,
        timeoutMs: 300,
      });
      expect(res.diagnostics[0]).toMatchObject({ code: 'crds/pull-failed' });
    } finally {
      silent.closeAllConnections();
      await new Promise((r) => silent.close(r));
    }
  });
});
