import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASK_API } from './helpers.js';

// The bundled server (what `npm run build` produces), spawned over stdio like Claude Code does.
let child: ChildProcessWithoutNullStreams;
const lines: string[] = [];
let stderr = '';
const waiters = new Map<number, (msg: Record<string, unknown>) => void>();

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-mcp.mjs'], { stdio: 'inherit' });
  child = spawn(process.execPath, ['dist/mcp.js'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let buf = '';
  child.stdout.on('data', (d) => {
    buf += d;
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      lines.push(line);
      try {
        const msg = JSON.parse(line);
        waiters.get(msg.id)?.(msg);
      } catch {}
    }
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
}, 60_000);
afterAll(() => {
  child.kill();
});

let nextId = 1;
// biome-ignore lint/suspicious/noExplicitAny: JSON-RPC answers are read loosely in this test
function request(method: string, params: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer to ${method}; stderr: ${stderr.slice(-500)}`)), 20_000);
    waiters.set(id, (m) => {
      clearTimeout(t);
      resolve(m);
    });
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
  });
}

describe('the built server over stdio', () => {
  it('initializes, lists tools and runs generate_stack; stdout carries only JSON-RPC', async () => {
    const init = await request('initialize', {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 't', version: '0' },
    });
    expect(init.result.serverInfo.name).toBe('traffic-engineer');
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
    const list = await request('tools/list');
    expect(list.result.tools.map((t: { name: string }) => t.name)).toContain('generate_stack');
    const call = await request('tools/call', { name: 'generate_stack', arguments: { specPath: TASK_API } });
    expect(call.result.isError).toBeFalsy();
    expect(call.result.structuredContent.ok).toBe(true);
    expect(call.result.structuredContent.resources).toHaveLength(6);
    const templ = await request('resources/read', { uri: 'te://templates/gateway' });
    expect(templ.result.contents[0].text).toContain('kind: Gateway');
    const bad = await request('tools/call', {
      name: 'dry_run',
      arguments: { specPath: TASK_API, kubeconfig: '/nonexistent/kubeconfig' },
    });
    expect(bad.result.isError).toBe(true);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: '2.0' });
  }, 60_000);
});
