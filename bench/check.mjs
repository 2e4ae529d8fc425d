#!/usr/bin/env node
/**
 * Cost of `check` on the Task API example, in-process against the built dist/ (run `npm run build`
 * first). Three phases are timed separately, each as the median of N runs after warm-up:
 *   - check (generate)   — `check({specPath})`: read + parse the markdown spec, normalize, render
 *                          (with a fixed TLS provider, so no key generation), then every criterion;
 *   - check (--config)   — `check({specPath, configPaths})` on the tutorial manifests;
 *   - checkCriteria only — the static proof on already-built manifests (route table, policies,
 *                          110- and 15-request rate-limit simulations, TLS parsing, fields).
 *
 * Usage: node bench/check.mjs [--runs 50] [--json]. Bounded: each phase stops after its run count
 * or 10 s, whichever comes first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--runs');
const RUNS = i > 0 ? Number(process.argv[i + 1]) : 50;
const JSON_OUT = process.argv.includes('--json');
const LIMIT_MS = 10_000;
const EXAMPLE = path.join(root, 'examples/task-api/traffic-spec.md');
const TUTORIAL = path.join(root, 'test/fixtures/criteria-static/tutorial.yaml');

const imp = (p) => import(pathToFileURL(path.join(root, 'dist', p)).href);
const { check } = await imp('core/check.js');
const { checkCriteria } = await imp('criteria/static/index.js');
const { loadSpecText } = await imp('spec/load-text.js');
const { normalize } = await imp('spec/plan/normalize.js');

const tls = {
  certPem: readFileSync(path.join(root, 'test/fixtures/tls/cert.pem'), 'utf8'),
  keyPem: readFileSync(path.join(root, 'test/fixtures/tls/key.pem'), 'utf8'),
  notAfter: new Date('2035-12-30T00:00:00Z'),
};
const opts = { tlsMaterial: async () => tls, now: new Date('2026-06-01T00:00:00Z') };

async function time(name, fn) {
  for (let w = 0; w < 3; w++) await fn();
  const samples = [];
  const t0 = performance.now();
  for (let r = 0; r < RUNS && performance.now() - t0 < LIMIT_MS; r++) {
    const s = performance.now();
    await fn();
    samples.push(performance.now() - s);
  }
  samples.sort((a, b) => a - b);
  const q = (p) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
  return { name, runs: samples.length, medianMs: q(0.5), p90Ms: q(0.9), minMs: samples[0] };
}

const generated = await check({ specPath: EXAMPLE }, opts);
if (!generated.ok) throw new Error('the example should check clean');
const { spec } = loadSpecText(readFileSync(EXAMPLE, 'utf8'), EXAMPLE);
const { plan } = normalize(spec);
const services = spec.services.map((s) => `${spec.namespace}/${s.name}`);
const results = [
  await time('check (generate)', () => check({ specPath: EXAMPLE }, opts)),
  await time('check (--config tutorial)', () => check({ specPath: EXAMPLE, configPaths: [TUTORIAL] }, opts)),
  await time('checkCriteria only', () =>
    checkCriteria(spec.criteria, generated.manifests, { plan, services, now: opts.now }),
  ),
];
if (JSON_OUT) console.log(JSON.stringify({ node: process.version, results }, null, 2));
else {
  console.log(`check on examples/task-api (node ${process.version}, median of up to ${RUNS} runs):`);
  for (const r of results)
    console.log(
      `  ${r.name.padEnd(28)} median ${r.medianMs.toFixed(2)} ms  p90 ${r.p90Ms.toFixed(2)} ms  min ${r.minMs.toFixed(2)} ms  (${r.runs} runs)`,
    );
}
