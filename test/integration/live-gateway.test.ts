import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CriterionResult, type VerifyReport, verifyCriteria } from '../../src/criteria/live/index.js';
import { parseMarkdownSpec } from '../../src/spec/markdown/index.js';
import { fakeCluster, taskApiObjects } from '../fixtures/live/fake-cluster.js';
import { type NginxGateway, requireBinaries, startNginx } from '../fixtures/live/servers.js';
import { startTaskApiServer, type TaskApiServer } from '../fixtures/live/task-api-server.mjs';
import { runCli } from '../helpers/cli.js';

// The live prober against a real nginx acting as the gateway (TLS + limit_req keyed by x-user-id),
// in front of the Task API test server, with the criteria parsed from the example spec.
const skip = requireBinaries('nginx');
if (skip) console.warn(`live-gateway: skipped — ${skip}`);

const spec = parseMarkdownSpec(
  readFileSync('examples/task-api/traffic-spec.md', 'utf8'),
  'examples/task-api/traffic-spec.md',
);
const byId = (r: VerifyReport, id: string) => r.criteria.find((c) => c.id === id) as CriterionResult;
const verdicts = (r: VerifyReport) => Object.fromEntries(r.criteria.map((c) => [c.id, c.verdict]));

describe.skipIf(!!skip)('verify against nginx', () => {
  let api: TaskApiServer;
  let gw: NginxGateway | undefined;
  beforeAll(async () => {
    api = await startTaskApiServer();
  });
  afterAll(() => api?.close());
  afterEach(async () => {
    await gw?.stop();
    gw = undefined;
  });

  it('reads SC-001 … SC-007 from the example spec', () => {
    expect(spec.criteria.map((c) => c.id)).toEqual([
      'SC-001',
      'SC-002',
      'SC-003',
      'SC-004',
      'SC-005',
      'SC-006',
      'SC-007',
    ]);
  });

  it('passes SC-001, SC-002, SC-003 and SC-005; skips the cluster criteria without a cluster', async () => {
    gw = await startNginx({ upstreamPort: api.port, rateLimits: true });
    const r = await verifyCriteria(spec.criteria, { origins: gw.origins });
    expect(verdicts(r), JSON.stringify(r, null, 1)).toEqual({
      'SC-001': 'passed',
      'SC-002': 'passed',
      'SC-003': 'passed',
      'SC-004': 'skipped',
      'SC-005': 'passed',
      'SC-006': 'skipped',
      'SC-007': 'skipped',
    });
    const sc2 = byId(r, 'SC-002');
    expect(sc2.checks[0].observed).toMatchObject({ counts: { '200': 100, '429': 10 }, first429Index: 100 });
    // SC-001, SC-003 and SC-005 ran before the anonymous burst and took 3 of its 10 tokens.
    expect(sc2.checks[1].observed).toMatchObject({ counts: { '200': 7, '429': 8 } });
    expect(sc2.checks[1].explanation).toMatch(/adjusted from 10×200, 5×429/);
    const tls = Object.fromEntries(byId(r, 'SC-003').checks.map((c) => [c.kind, c.verdict]));
    expect(tls).toEqual({
      http: 'passed',
      'tls-handshake': 'passed',
      'tls-chain': 'skipped',
      'tls-host': 'passed',
      'tls-expiry': 'passed',
    });
  });

  it('verifies the chain when the CA is trusted, and checks SC-004/006/007 through the cluster interface', async () => {
    gw = await startNginx({ upstreamPort: api.port, rateLimits: true });
    const cluster = fakeCluster(taskApiObjects(), async () => ({
      ok: true,
      summary: '7 objects created (server dry run)',
    }));
    const r = await verifyCriteria(spec.criteria, { origins: gw.origins, cluster, ca: gw.certPem, prometheus: false });
    expect(new Set(Object.values(verdicts(r)))).toEqual(new Set(['passed']));
    expect(byId(r, 'SC-003').checks.find((c) => c.kind === 'tls-chain')?.verdict).toBe('passed');
  });

  it('fails SC-002 with the right counts when the nginx limit is removed', async () => {
    gw = await startNginx({ upstreamPort: api.port, rateLimits: false });
    const r = await verifyCriteria(spec.criteria, { origins: gw.origins });
    expect(verdicts(r)).toMatchObject({
      'SC-001': 'passed',
      'SC-002': 'failed',
      'SC-003': 'passed',
      'SC-005': 'passed',
    });
    const sc2 = byId(r, 'SC-002');
    expect(sc2.checks[0].observed).toMatchObject({ counts: { '200': 110 }, first429Index: null });
    expect(sc2.checks[0].explanation).toMatch(/^0×429 observed vs 10×429 expected \(all: 110×200\)/);
    expect(sc2.checks[1].observed).toMatchObject({ counts: { '200': 15 } });
    expect(sc2.checks[1].explanation).toMatch(/15×200 observed vs 7×200 expected, 0×429 observed vs 8×429 expected/);
  });

  it('`traffic-engineer verify` exits 0 against nginx and 1 when the limit is removed', async () => {
    const flags = (g: NginxGateway) => Object.entries(g.origins).flatMap(([from, to]) => ['--origin', `${from}=${to}`]);
    gw = await startNginx({ upstreamPort: api.port, rateLimits: true });
    const ok = await runCli(['verify', 'examples/task-api/traffic-spec.md', ...flags(gw)]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/4 passed, 0 failed, 3 skipped\n$/);
    await gw.stop();
    gw = await startNginx({ upstreamPort: api.port, rateLimits: false });
    const bad = await runCli(['verify', 'examples/task-api/traffic-spec.md', ...flags(gw)]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(
      /FAIL {2}SC-002 .*\n.*\n {6}✗ burst: 0×429 observed vs 10×429 expected \(all: 110×200\)/,
    );
  });

  it('says the bucket was not fresh, and how long to wait, when run again at once', async () => {
    gw = await startNginx({ upstreamPort: api.port, rateLimits: true });
    await verifyCriteria(spec.criteria, { origins: gw.origins });
    const r = await verifyCriteria(spec.criteria, { origins: gw.origins });
    const sc2 = byId(r, 'SC-002');
    expect(sc2.verdict).toBe('skipped');
    // nginx sends no Retry-After: the wait is the limit window.
    expect(sc2.checks[0].explanation).toMatch(
      /bucket was not fresh: the first response was already 429 \(x-user-id=test\); wait 60 s \(from the 60 s limit window/,
    );
    expect(byId(r, 'SC-001').checks[0].verdict).toBe('skipped');
  });
});
