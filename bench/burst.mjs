#!/usr/bin/env node
/**
 * Burst benchmark: SC-002's 110 requests with `x-user-id` against a local Task API server
 * (node:http, separate process, 100/min per identity → 100×200 + 10×429), timed three ways in the same run:
 *   seed   — the spec's shell loop: 110 `curl` processes (`for i in {1..110}; do curl … ; done`)
 *   burst  — src/probe `burst()` (keep-alive, concurrency 1: the same sequential loop, one connection)
 *   verify — src/criteria/live `verifyCriteria()` on the parsed SC-002 burst check (burst + judging)
 * Each repetition uses a fresh identity so every method starts on a fresh bucket; medians are reported.
 *
 * Usage: node bench/burst.mjs [--reps 5] [--json]
 * Bundles src/ with esbuild on the fly. Bounded: 110 requests per run, each run capped at 60 s.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPS = (() => {
  const i = process.argv.indexOf('--reps');
  return i > 0 ? Math.max(1, Math.min(20, Number(process.argv[i + 1]))) : 5;
})();
const JSON_OUT = process.argv.includes('--json');
const COUNT = 110;
const RUN_LIMIT_MS = 60_000;

async function loadSrc() {
  const out = await build({
    stdin: {
      contents: "export * from './src/probe/index.ts'; export * from './src/criteria/live/index.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'te-bench-'));
  const file = path.join(dir, 'live.mjs');
  writeFileSync(file, out.outputFiles[0].text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function startServer() {
  const child = spawn(process.execPath, [path.join(root, 'test/fixtures/live/task-api-server.mjs'), '0', '--limit'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('test server did not start in 10 s')), 10_000);
    child.stdout.once('data', (b) => {
      clearTimeout(t);
      resolve({ child, port: JSON.parse(String(b)).port });
    });
    child.once('exit', (code) => reject(new Error(`test server exited (${code})`)));
  });
}

/** The seed's method, verbatim apart from the URL and identity: one curl process per request. */
function curlLoop(url, user) {
  const script = `for i in {1..${COUNT}}; do curl -s -o /dev/null -w "%{http_code}\\n" -H "x-user-id: ${user}" ${url}; done`;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('bash', ['-c', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
    child.stdout.on('data', (b) => {
      out += b;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const ms = performance.now() - t0;
      if (code !== 0) return reject(new Error(`curl loop exited ${code}`));
      const counts = {};
      for (const s of out.split('\n').filter(Boolean)) counts[s] = (counts[s] ?? 0) + 1;
      resolve({ ms, counts });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const same = (a, b) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

async function main() {
  if (spawnSync('sh', ['-c', 'command -v curl && command -v bash']).status !== 0)
    throw new Error('curl and bash are needed');
  const curlVersion = spawnSync('curl', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
  const live = await loadSrc();
  const { child, port } = await startServer();
  const url = `http://127.0.0.1:${port}/api/tasks`;
  const expected = { 200: 100, 429: 10 };
  const times = { seed: [], burst: [], verify: [] };
  try {
    for (let rep = 0; rep < REPS; rep++) {
      const seed = await curlLoop(url, `seed-${rep}`);
      if (!same(seed.counts, expected)) throw new Error(`curl loop counts ${JSON.stringify(seed.counts)}`);
      times.seed.push(seed.ms);

      const t0 = performance.now();
      const b = await live.burst({
        url,
        headers: { 'x-user-id': `burst-${rep}` },
        count: COUNT,
        timeBudgetMs: RUN_LIMIT_MS,
      });
      times.burst.push(performance.now() - t0);
      if (!same(b.counts, expected)) throw new Error(`burst counts ${JSON.stringify(b.counts)}`);

      const criterion = {
        id: 'SC-002',
        title: 'Per-user rate limit',
        checks: [
          {
            kind: 'burst',
            method: 'GET',
            url: 'http://localhost:8080/api/tasks',
            headers: { 'x-user-id': `verify-${rep}` },
            insecure: false,
            count: COUNT,
            expect: { counts: { 429: 10 } },
          },
        ],
      };
      const t1 = performance.now();
      const r = await live.verifyCriteria([criterion], {
        origins: { 'http://localhost:8080': `http://127.0.0.1:${port}` },
        burstTimeBudgetMs: RUN_LIMIT_MS,
      });
      times.verify.push(performance.now() - t1);
      if (r.criteria[0].verdict !== 'passed') throw new Error(`verify: ${r.criteria[0].checks[0].explanation}`);
    }
  } finally {
    child.kill('SIGTERM');
  }
  const m = { seed: median(times.seed), burst: median(times.burst), verify: median(times.verify) };
  const result = {
    requests: COUNT,
    repetitions: REPS,
    curl: curlVersion,
    node: process.version,
    medianMs: Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Math.round(v * 10) / 10])),
    allMs: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v.map((x) => Math.round(x))])),
    speedup: {
      burstVsSeed: Math.round((m.seed / m.burst) * 10) / 10,
      verifyVsSeed: Math.round((m.seed / m.verify) * 10) / 10,
    },
  };
  if (JSON_OUT) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    [
      `burst of ${COUNT} requests (x-user-id, 100/min limit → 100×200 + 10×429), median of ${REPS}, same run:`,
      `  seed: shell loop of ${COUNT} curl processes  ${m.seed.toFixed(1).padStart(8)} ms`,
      `  probe burst() (keep-alive, sequential)      ${m.burst.toFixed(1).padStart(8)} ms   ${result.speedup.burstVsSeed}× faster`,
      `  verifyCriteria() on the SC-002 check         ${m.verify.toFixed(1).padStart(8)} ms   ${result.speedup.verifyVsSeed}× faster`,
      `  (${curlVersion.split(' ').slice(0, 2).join(' ')}, node ${process.version})`,
      '',
    ].join('\n'),
  );
}

main().catch((err) => {
  process.stderr.write(`bench/burst: ${err.stack ?? err}\n`);
  process.exit(1);
});
