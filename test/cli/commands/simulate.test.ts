import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../../../src/cli/command.js';
import { simulateCommand } from '../../../src/cli/commands/simulate.js';
import { parseCommandArgs } from '../../../src/cli/parse-args.js';

const shop = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'fixtures',
  'simulate-route',
  'shop.yaml',
);

async function run(argv: string[], stdin = '') {
  let out = '';
  let err = '';
  const io: CommandIO = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    readStdin: async () => stdin,
    cwd: process.cwd(),
    env: {},
    isTTY: false,
  };
  const parsed = parseCommandArgs(simulateCommand, argv);
  if (!parsed.ok) throw new Error(parsed.error);
  const code = await simulateCommand.run(parsed.values as never, parsed.positionals, io);
  return { code, out, err };
}

const cases = JSON.stringify([
  {
    test: 'shop',
    requests: [
      {
        name: 'api',
        gateway: 'shop/edge',
        port: 80,
        scheme: 'http',
        host: 'api.shop.example',
        path: '/v1/x',
        expect: { status: 200 },
      },
      { name: 'miss', gateway: 'shop/edge', port: 80, scheme: 'http', host: 'api.shop.example', path: '/nope' },
    ],
  },
]);

describe('traffic-engineer simulate', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'te-sim-'));
  const reqFile = path.join(dir, 'cases.json');
  writeFileSync(reqFile, cases);

  it('prints one JSON result per request, in order', async () => {
    const { code, out } = await run(['--config', shop, '--requests', reqFile, '--format', 'json']);
    expect(code).toBe(0);
    const results = JSON.parse(out);
    expect(results.map((r: { name: string; status: number }) => [r.name, r.status])).toEqual([
      ['api', 200],
      ['miss', 404],
    ]);
    expect(results[0]).toMatchObject({
      backend: 'other/api-v1',
      listener: 'api',
      route: 'other/api',
      rule: 0,
      match: 0,
    });
  });

  it('text format, requests from stdin, config as trailing positionals', async () => {
    const { code, out } = await run(['--requests', '-', '--config', shop], cases);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('→ 200 → other/api-v1');
    expect(lines[1]).toMatch(/→ 404 .*no route rule/);
  });

  it('bad input is a usage error with diagnostics, and nothing on stdout', async () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([{ port: 'x', scheme: 'http', path: '/' }]));
    const r = await run(['--config', shop, '--requests', bad]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('simulate/invalid-request');
    const missing = await run(['--config', path.join(dir, 'nope.yaml'), '--requests', reqFile]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file');
    expect((await run(['--requests', reqFile])).code).toBe(2);
  });
});
