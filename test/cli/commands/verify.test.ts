import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SelfSigned, selfSignedCert } from '../../fixtures/live/self-signed.js';
import { startTaskApiServer, type TaskApiServer } from '../../fixtures/live/task-api-server.mjs';
import { runCli } from '../../helpers/cli.js';

const SPEC = 'examples/task-api/traffic-spec.md';
let cert: SelfSigned;
let api: TaskApiServer | undefined;
beforeAll(async () => {
  cert = await selfSignedCert({ dns: ['localhost'], ips: ['127.0.0.1'] });
});
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function originFlags(limit: boolean): Promise<string[]> {
  api = await startTaskApiServer({
    limit: limit ? { perKey: 100, anonymous: 10 } : undefined,
    tls: { cert: cert.certPem, key: cert.keyPem },
  });
  return ['--origin', `http://localhost:8080=${api.url}`, '--origin', `https://localhost:8443=${api.httpsUrl}`];
}

describe('traffic-engineer verify', () => {
  it('passes the traffic criteria of the example spec (exit 0), cluster ones skipped', async () => {
    const r = await runCli(['verify', SPEC, ...(await originFlags(true))]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^PASS {2}SC-001 External access\n/);
    expect(r.stdout).toMatch(/PASS {2}SC-002 Per-user and anonymous rate limits/);
    expect(r.stdout).toMatch(/SKIP {2}SC-004 Autoscaling\n {6}– resource: no cluster: give --context/);
    expect(r.stdout).toMatch(/\n4 passed, 0 failed, 3 skipped\n$/);
  });

  it('compares bursts with the simulator’s prediction for the generated stack', async () => {
    const r = await runCli(['verify', SPEC, ...(await originFlags(true)), '--format', 'json']);
    const sc2 = JSON.parse(r.stdout).criteria.find((c: { id: string }) => c.id === 'SC-002');
    expect(sc2.checks[0].expected.predicted).toEqual({ '200': 100, '429': 10 });
    expect(sc2.checks[1].expected.predicted).toEqual({ '200': 7, '429': 8 });
    expect(sc2.checks[1].explanation).toMatch(
      /simulator \(BackendTrafficPolicy task-api\/task-api-protection\): 7×200, 8×429 — agrees/,
    );
  });

  it('exits 1 with the counts when the rate limit is missing; JSON on request', async () => {
    const r = await runCli(['verify', SPEC, ...(await originFlags(false)), '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const sc2 = report.criteria.find((c: { id: string }) => c.id === 'SC-002');
    expect(sc2.verdict).toBe('failed');
    expect(sc2.checks[0].explanation).toMatch(/^0×429 observed vs 10×429 expected \(all: 110×200\)/);
    expect(report.summary).toEqual({ passed: 3, failed: 1, skipped: 3 });
  });

  it('rejects a malformed --origin and an unreadable spec (exit 2)', async () => {
    const bad = await runCli(['verify', SPEC, '--origin', 'localhost:8080']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--origin localhost:8080: expected FROM=TO/);
    const pf = await runCli(['verify', SPEC, '--port-forward']);
    expect(pf.code).toBe(2);
    expect(pf.stderr).toMatch(/--port-forward needs --context or --kubeconfig/);
    const missing = await runCli(['verify', 'no/such/spec.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
  });

  it('reads criteria from a markdown spec without a structured block', async () => {
    const md =
      '# x\n\n### SC-001: Up\n\n```bash\ncurl -s -o /dev/null -w "%{http_code}" http://localhost:8080/api/tasks\n# Expected: 200\n```\n';
    const r = await runCli(['verify', '-', ...(await originFlags(false))], md);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^PASS {2}SC-001 Up\n/);
  });
});
