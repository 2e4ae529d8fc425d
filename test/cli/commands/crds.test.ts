import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseAssetPath } from '../../../src/validate/crds/index.js';
import { runCli } from '../../helpers/cli.js';

const FIX = join(import.meta.dirname, '..', '..', 'fixtures', 'validate-schema');
let server: Server;
let origin = '';
const dir = mkdtempSync(join(tmpdir(), 'te-crds-cli-'));

beforeAll(async () => {
  const body = readFileSync(join(FIX, 'widget-crd.yaml'), 'utf8');
  server = createServer((req, res) => {
    if (req.url === releaseAssetPath('keda', 'v2.20.2', 'standard')) res.writeHead(200).end(body);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('traffic-engineer crds', () => {
  it('pull fills the cache; list shows it', async () => {
    const skip = ['--gateway-api', 'none', '--envoy-gateway', 'none', '--cert-manager', 'none'];
    const r = await runCli(['crds', 'pull', ...skip, '--mirror', origin, '--cache-dir', dir, '--timeout', '5']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`keda v2.20.2: 1 CRDs → ${join(dir, 'keda.yaml')}`);
    const l = await runCli(['crds', 'list', '--cache-dir', dir]);
    expect(l.code).toBe(0);
    expect(l.stdout).toContain('example.test/v1\tWidget');
  });

  it('pull exits 1 when an asset cannot be fetched; an unknown action is a usage error', async () => {
    const skip = ['--gateway-api', 'none', '--envoy-gateway', 'none', '--keda', 'none'];
    const r = await runCli(['crds', 'pull', ...skip, '--mirror', origin, '--cache-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('crds/pull-failed');
    expect((await runCli(['crds', 'frobnicate'])).code).toBe(2);
  });
});
