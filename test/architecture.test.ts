import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Imports only go downward. Each top-level folder of src/ has a rank; a file may import
 * from its own folder or from a folder of lower rank, never upward or sideways.
 */
const RANK: Record<string, number> = {
  model: 0,
  spec: 1,
  render: 2,
  validate: 3,
  cluster: 3,
  probe: 3,
  simulate: 4,
  criteria: 5,
  core: 6,
  mcp: 7,
  // The CLI's `mcp` command starts the MCP server, so cli sits above mcp.
  cli: 8,
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const files = walk('src');
const importRe = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(importRe)].map((m) => m[1] ?? m[2]);
}

function moduleOf(path: string): string {
  return relative('src', path).split('/')[0];
}

describe('architecture', () => {
  it('every src/ folder has a rank', () => {
    const dirs = readdirSync('src').filter((n) => statSync(join('src', n)).isDirectory());
    for (const d of dirs) expect(RANK, `add src/${d} to RANK`).toHaveProperty(d);
  });

  it('imports between src/ modules only go downward', () => {
    const violations: string[] = [];
    for (const f of files) {
      const from = moduleOf(f);
      for (const spec of importsOf(f)) {
        if (!spec.startsWith('.')) continue;
        const target = moduleOf(join(f, '..', spec));
        if (target === from) continue;
        if (!(target in RANK) || RANK[target] >= RANK[from]) violations.push(`${f} → ${spec} (${from} → ${target})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('only src/cluster imports @kubernetes/client-node, and only lazily', () => {
    const offenders = files.filter(
      (f) => moduleOf(f) !== 'cluster' && importsOf(f).some((s) => s.startsWith('@kubernetes/client-node')),
    );
    expect(offenders).toEqual([]);
    const eager = files.filter(
      (f) =>
        /^\s*import\s[^(]*from\s+['"]@kubernetes\/client-node['"]/m.test(readFileSync(f, 'utf8')) &&
        !/^\s*import\s+type\s/m.test(
          readFileSync(f, 'utf8').match(/^\s*import\s[^(]*from\s+['"]@kubernetes\/client-node['"]/m)?.[0] ?? '',
        ),
    );
    expect(eager, 'use `import type` plus a dynamic import()').toEqual([]);
  });

  it('keeps source files to a few hundred lines', () => {
    const big = files.filter((f) => readFileSync(f, 'utf8').split('\n').length > 400);
    expect(big).toEqual([]);
  });
});
