#!/usr/bin/env node
// Cold start of the MCP server: spawn → initialize → tools/list answered, median of N runs after one
// warm-up, against a minimal one-tool SDK server measured in the same run (the floor).
// Usage: node bench/mcp-startup.mjs [runs=5]     (needs `npm run build` first)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 5);
const node = process.execPath;

function once(args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(node, args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let buf = '';
    let stderr = '';
    let tInit;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timeout: ${stderr.slice(-500)}`));
    }, 30_000);
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.stdout.on('data', (d) => {
      buf += d;
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
        const line = buf.slice(0, i).trim();
        buf = buf.slice(i + 1);
        if (!line) continue;
        const msg = JSON.parse(line);
        if (msg.id === 1) {
          tInit = performance.now() - t0;
          child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
          child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} })}\n`);
        } else if (msg.id === 2) {
          clearTimeout(timer);
          child.kill('SIGTERM');
          resolve({
            tInit,
            tList: performance.now() - t0,
            tools: msg.result.tools.length,
            bytes: Buffer.byteLength(line),
          });
        }
      }
    });
    const init = { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'bench', version: '0' } };
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: init })}\n`);
  });
}

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// The same minimal server bundled with esbuild, so bundled is compared with bundled too.
const { build } = await import('esbuild');
const minBundle = join(root, 'dist', 'bench-mcp-min-server.mjs');
await build({
  entryPoints: [join(root, 'bench/mcp-min-server.mjs')],
  outfile: minBundle,
  bundle: true,
  format: 'esm',
  platform: 'node',
  logLevel: 'error',
});

const targets = [
  ['floor: minimal 1-tool SDK server', ['bench/mcp-min-server.mjs']],
  ['minimal 1-tool SDK server, bundled', ['dist/bench-mcp-min-server.mjs']],
  ['traffic-engineer mcp (bin fast path)   ', ['bin/traffic-engineer.js', 'mcp']],
  ['dist/mcp.js (esbuild bundle)', ['dist/mcp.js']],
].filter(([, args]) => existsSync(join(root, args[0])));

// Interleaved rounds so that machine noise hits every target alike.
const results = new Map(targets.map(([label]) => [label, []]));
for (const [, args] of targets) await once(args); // warm-up (file cache)
for (let r = 0; r < runs; r++) for (const [label, args] of targets) results.get(label).push(await once(args));

const floor = median(results.get(targets[0][0]).map((x) => x.tList));
console.log(`node ${process.version}, ${runs} runs each (median), spawn → tools/list answered`);
for (const [label] of targets) {
  const rs = results.get(label);
  const list = median(rs.map((x) => x.tList));
  console.log(
    `${label.padEnd(44)} init ${median(rs.map((x) => x.tInit))
      .toFixed(0)
      .padStart(5)} ms  tools/list ${list.toFixed(0).padStart(5)} ms  ` +
      `×${(list / floor).toFixed(2)} floor  (${rs[0].tools} tools, ${rs[0].bytes} bytes)`,
  );
}
