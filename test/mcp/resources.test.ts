import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMcpServer } from '../../src/mcp/main.js';
import { connect, TASK_API } from './helpers.js';

let c: Awaited<ReturnType<typeof connect>>;
beforeAll(async () => {
  c = await connect();
});
afterAll(() => c.close());

const text = async (uri: string) => {
  const r = await c.client.readResource({ uri });
  return (r.contents[0] as { text: string }).text;
};

describe('resources', () => {
  it('lists every template, reference, schema part and both guides', async () => {
    const uris = (await c.client.listResources()).resources.map((r) => r.uri);
    for (const f of readdirSync('templates')) expect(uris).toContain(`te://templates/${f.replace('.yaml.njk', '')}`);
    for (const f of readdirSync('references')) expect(uris).toContain(`te://references/${f.replace('.md', '')}`);
    expect(uris).toEqual(
      expect.arrayContaining([
        'te://schema/traffic-spec',
        'te://schema/rate-limit',
        'te://guide/decision-tree',
        'te://guide/troubleshooting',
      ]),
    );
  });

  it('reads a template and a reference as files', async () => {
    expect(await text('te://templates/gateway')).toBe(readFileSync('templates/gateway.yaml.njk', 'utf8'));
    expect(await text('te://references/ratelimit')).toBe(readFileSync('references/ratelimit.md', 'utf8'));
  });

  it('gives the full JSON Schema of a part (the same zod the tools validate with)', async () => {
    const s = JSON.parse(await text('te://schema/rate-limit'));
    expect(s.properties.tiers.items.properties.key.properties.header.pattern).toBeDefined();
    const spec = JSON.parse(await text('te://schema/traffic-spec'));
    expect(spec.required).toEqual(expect.arrayContaining(['app', 'namespace', 'services']));
  });

  it('renders the guides from the same data as recommend and troubleshoot', async () => {
    expect(await text('te://guide/decision-tree')).toMatch(/\| Per-user quotas\? \|.*`generate_ratelimit` \|/);
    expect(await text('te://guide/troubleshooting')).toMatch(/\| 404 on all requests \|/);
  });

  it('refuses names outside the folder', async () => {
    await expect(c.client.readResource({ uri: 'te://templates/..%2Fpackage' })).rejects.toThrow();
    await expect(c.client.readResource({ uri: 'te://references/nope' })).rejects.toThrow(/no references "nope"/);
  });
});

describe('prompts', () => {
  it('offers the spec-first workflow', async () => {
    const list = await c.client.listPrompts();
    expect(list.prompts.map((p) => p.name)).toContain('spec-first');
    const p = await c.client.getPrompt({ name: 'spec-first', arguments: { goal: 'expose the shop API' } });
    const t = (p.messages[0].content as { text: string }).text;
    for (const step of [
      'generate_stack',
      'validate_manifests',
      'simulate_requests',
      'validate_criteria',
      'dry_run',
      'apply_stack',
    ])
      expect(t).toContain(step);
  });
});

describe('generate_stack outputDir', () => {
  it('writes one file per resource + kustomization.yaml, the Secret at 0600, and never into a non-empty directory', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'te-out-')), 'stack');
    const r = await c.client.callTool({ name: 'generate_stack', arguments: { specPath: TASK_API, outputDir: dir } });
    expect(r.isError).toBeFalsy();
    const out = r.structuredContent as { written: { dir: string; files: string[] }; yaml: string };
    expect(out.written.files).toContain('kustomization.yaml');
    const secret = out.written.files.find((f) => f.includes('-secret-')) as string;
    expect(statSync(join(dir, secret)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, secret), 'utf8')).toMatch(/tls\.key: \S{40,}/); // the real key is in the file…
    expect(out.yaml).not.toMatch(/tls\.key: (?!"?<redacted>)/); // …and never in the answer
    const again = await c.client.callTool({
      name: 'generate_stack',
      arguments: { specPath: TASK_API, outputDir: dir },
    });
    expect(again.isError).toBe(true);
    expect((again.content as { text: string }[])[0].text).toMatch(/not empty/);
  });
});

describe('Streamable HTTP on 127.0.0.1', () => {
  it('serves tools/list and a tool call at /mcp', async () => {
    const srv = await runMcpServer({ http: 0, log: () => {} });
    try {
      expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
      const client = new Client({ name: 't', version: '0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(srv.url as string)));
      expect((await client.listTools()).tools.length).toBeGreaterThan(10);
      const r = await client.callTool({ name: 'troubleshoot', arguments: { symptom: 'slow-cold-start' } });
      expect((r.structuredContent as { title: string }).title).toBe('Slow cold start');
      await client.close();
      const wrong = await fetch(srv.url?.replace('/mcp', '/other') as string);
      expect(wrong.status).toBe(404);
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
      const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
      const cross = await fetch(srv.url as string, {
        method: 'POST',
        body,
        headers: { ...headers, origin: 'https://evil.example' },
      });
      expect(cross.status).toBe(403);
    } finally {
      await srv.close();
    }
  });
});
