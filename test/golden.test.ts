import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnosticLines } from '../src/cli/diagnostics.js';
import { generate } from '../src/core/generate.js';
import { toYamlStream } from '../src/render/output.js';
import { FIXED_NOW, fixedTls } from './helpers/tls.js';

/**
 * Golden files: each case's spec → stack.yaml (+ diagnostics.txt). Regenerate with `npm run test:golden:update`.
 */
const cases = [
  { name: 'task-api', spec: 'examples/task-api/traffic-spec.md', dir: 'examples/task-api' },
  ...readdirSync('test/golden', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: d.name, spec: join('test/golden', d.name, 'spec.yaml'), dir: join('test/golden', d.name) })),
];

describe('golden stacks', () => {
  it.each(cases)('$name', async ({ spec, dir }) => {
    const r = await generate({ specPath: spec }, { tlsMaterial: fixedTls, now: FIXED_NOW });
    expect(r.ok, formatDiagnosticLines(r.diagnostics)).toBe(true);
    await expect(toYamlStream(r.manifests)).toMatchFileSnapshot(join('..', dir, 'stack.golden.yaml'));
    await expect(formatDiagnosticLines(r.diagnostics) || '(none)\n').toMatchFileSnapshot(
      join('..', dir, 'diagnostics.golden.txt'),
    );
  });
});
