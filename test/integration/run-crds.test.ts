import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { officialCrdPaths } from '../helpers/shared.js';

describe('run with the official CRDs', () => {
  it('validates the Task API stack against them and proves SC-007 by schema + CEL', async () => {
    const crds = officialCrdPaths('standard').flatMap((p) => ['--crds', p]);
    const r = await runCli(['run', 'examples/task-api/traffic-spec.md', '-q', ...crds]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/crd-validation-not-run/);
    expect(r.stderr).toMatch(/0 errors/);
    expect(r.stderr).toMatch(/SC-007 [^\n]*: PROVED/);
    expect(r.stderr).toMatch(
      /0 error\(s\) against \d+ CRD versions \(4 documents checked against CRDs, 2 built-in, 0 without a CRD\)/,
    );
  });
});
