// Builds dist/ (tsc, then the bundled MCP server) when a source file is newer than the last build, or there is none.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const stamps = ['dist/cli/main.js', 'dist/mcp.js'];
const built = stamps.every((s) => existsSync(s)) ? Math.min(...stamps.map((s) => statSync(s).mtimeMs)) : 0;
if (newest('src') > built) {
  process.stderr.write('traffic-engineer: building dist/ ...\n');
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
  execFileSync(process.execPath, ['scripts/build-mcp.mjs'], { stdio: 'inherit' });
}
