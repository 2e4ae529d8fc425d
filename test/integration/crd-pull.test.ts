import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseManifestStream } from '../../src/model/load-yaml.js';
import { DEFAULT_CRD_VERSIONS, loadCrdCache, pullCrds, releaseAssetPath } from '../../src/validate/crds/index.js';
import { createSchemaValidator } from '../../src/validate/schema/index.js';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const SHARED = process.env.TE_SHARED ?? resolve(repoRoot, '..', 'shared');
const CRDS = join(SHARED, 'crds');

/** Concatenates the YAML files of a directory like the projects' release scripts do. */
function bundle(dir: string, filter: (name: string) => boolean = () => true): string {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml') && n !== 'kustomization.yaml' && filter(n))
    .sort()
    .map((n) => `---\n${readFileSync(join(dir, n), 'utf8')}`)
    .join('\n');
}

let server: Server;
let origin = '';
const cacheDir = mkdtempSync(join(tmpdir(), 'te-pull-int-'));

beforeAll(async () => {
  const v = DEFAULT_CRD_VERSIONS;
  const assets: Record<string, string> = {
    // Gateway API's release asset also carries the ValidatingAdmissionPolicy (not a CRD).
    [releaseAssetPath('gatewayApi', v.gatewayApi, 'experimental')]:
      `# license header\n${bundle(join(CRDS, 'gateway-api', 'experimental'))}`,
    [releaseAssetPath('envoyGateway', v.envoyGateway, 'standard')]: bundle(join(CRDS, 'envoy-gateway')),
    [releaseAssetPath('keda', v.keda, 'standard')]: bundle(join(CRDS, 'keda')),
    [releaseAssetPath('certManager', v.certManager, 'standard')]: bundle(join(CRDS, 'cert-manager')),
  };
  server = createServer((req, res) => {
    const body = assets[req.url ?? ''];
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('crds pull from a loopback mirror of the release assets', () => {
  it('fills the cache with CRDs only, and the cache validates conformance manifests', async () => {
    const res = await pullCrds({ mirror: origin, cacheDir, channel: 'experimental', timeoutMs: 30_000 });
    expect(res.diagnostics).toEqual([]);
    const byProject = Object.fromEntries(res.pulled.map((p) => [p.project, p.crds]));
    expect(byProject).toEqual({ gatewayApi: 13, envoyGateway: 21, keda: 4, certManager: 3 });
    const gw = readFileSync(join(cacheDir, 'gateway-api.yaml'), 'utf8');
    expect(gw).not.toContain('kind: ValidatingAdmissionPolicy');

    const set = await loadCrdCache(cacheDir);
    expect(set.diagnostics.filter((d) => d.code !== 'crds/replaced')).toEqual([]);
    expect(set.hasKind('keda.sh', 'ScaledObject')).toBe(true);
    const validator = createSchemaValidator(set);
    const cases = JSON.parse(readFileSync(join(SHARED, 'conformance', 'gateway-api', 'cases.json'), 'utf8')) as {
      manifests: string;
    }[];
    const { docs } = parseManifestStream(cases[0].manifests);
    expect(docs.flatMap((d) => validator.validate(d)).filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
