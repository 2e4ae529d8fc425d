#!/usr/bin/env node
/**
 * `npm run bench`: runs every benchmark in bench/ one after another (each bounded in count and time)
 * and prints their reports. Each reports ratios measured within its own run.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const benches = [
  ['validate.mjs', []],
  ['route-lookup.mjs', []],
  ['check.mjs', ['--runs', '50']],
  ['burst.mjs', []],
  ['mcp-startup.mjs', []],
];
let failed = 0;
for (const [file, args] of benches) {
  process.stdout.write(`\n=== bench/${file}\n`);
  const r = spawnSync(process.execPath, [path.join(here, file), ...args], { stdio: 'inherit', timeout: 600_000 });
  if (r.status !== 0) {
    failed++;
    process.stdout.write(`bench/${file} exited with ${r.status ?? r.signal}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
