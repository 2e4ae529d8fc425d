import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, TASK_API } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'te-mcp-cluster-'));
const refused = join(dir, 'refused.kubeconfig');
// A cluster at a loopback port where nothing listens: connection refused at once.
writeFileSync(
  refused,
  `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: 'https://127.0.0.1:9', insecure-skip-tls-verify: true}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: ctx, context: {cluster: c, user: u}}]
current-context: ctx
`,
);

let c: Awaited<ReturnType<typeof connect>>;
beforeAll(async () => {
  c = await connect({ allowApply: true, env: { KUBECONFIG: join(dir, 'missing.kubeconfig'), HOME: dir } });
});
afterAll(() => c.close());

const text = (r: unknown) => (r as { content: { text: string }[] }).content[0].text;

describe('cluster tools without a usable cluster', () => {
  it.each(['dry_run', 'cluster_status'])('%s: no kubeconfig → isError with what to do', async (name) => {
    const r = await c.client.callTool({ name, arguments: { specPath: TASK_API } });
    expect(r.isError).toBe(true);
    expect(text(r)).toMatch(/kubeconfig/i);
  });

  it('dry_run: unreachable API server → isError naming the server, not a crash', async () => {
    const r = await c.client.callTool({ name: 'dry_run', arguments: { specPath: TASK_API, kubeconfig: refused } });
    expect(r.isError).toBe(true);
    expect(text(r)).toMatch(/127\.0\.0\.1|unreachable|refused/i);
  }, 30_000);

  it('dry_run: a spec with errors → isError about the stack, before any cluster call', async () => {
    const r = await c.client.callTool({
      name: 'dry_run',
      arguments: { specPath: 'test/fixtures/mcp/bad-backend.yaml', kubeconfig: refused },
    });
    expect(r.isError).toBe(true);
    expect(text(r)).toMatch(/could not read the stack/);
  });

  it('needs specPath or files', async () => {
    const r = await c.client.callTool({ name: 'cluster_status', arguments: {} });
    expect(r.isError).toBe(true);
    expect(text(r)).toMatch(/specPath/);
  });
});

describe('apply_stack', () => {
  it('refuses without confirm: true and says what to do first', async () => {
    const r = await c.client.callTool({ name: 'apply_stack', arguments: { specPath: TASK_API } });
    expect(r.isError).toBe(true);
    expect(text(r)).toMatch(/dry_run.*confirm: true/s);
  });

  it('with confirm but no cluster → isError, nothing applied', async () => {
    const r = await c.client.callTool({
      name: 'apply_stack',
      arguments: { specPath: TASK_API, confirm: true, kubeconfig: refused },
    });
    expect(r.isError).toBe(true);
  }, 30_000);

  it('is destructive by its annotations, and only offered with --allow-apply', async () => {
    const listed = await c.client.listTools();
    expect(listed.tools.find((t) => t.name === 'apply_stack')?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
    });
    const plain = await connect();
    const names = (await plain.client.listTools()).tools.map((t) => t.name);
    await plain.close();
    expect(names).not.toContain('apply_stack');
    expect(names).toContain('dry_run');
  });
});
