import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { runCli } from '../helpers/cli.js';

describe('run (the main job)', () => {
  it('prints the Task API stack, its validation and a proof of each criterion', async () => {
    const r = await runCli(['run', 'examples/task-api/traffic-spec.md']);
    expect(r.code).toBe(0);
    expect(parseAllDocuments(r.stdout).map((d) => (d.toJS() as { kind: string }).kind)).toContain('ScaledObject');
    expect(r.stderr).toMatch(/0 errors/);
    for (const id of ['SC-001', 'SC-002', 'SC-003', 'SC-006'])
      expect(r.stderr).toMatch(new RegExp(`${id} [^\\n]*: PROVED`));
    for (const id of ['SC-004', 'SC-005', 'SC-007']) expect(r.stderr).toMatch(new RegExp(`${id} [^\\n]*: NEEDS-LIVE`));
    expect(r.stderr).toMatch(/100 × 200, 10 × 429/);
  });

  it('a spec whose route table misses a path its own criterion requests is rejected', async () => {
    const spec = `app: shop\nnamespace: shop\nservices: [{ name: shop, port: 80 }]\nroutes:\n  - rules: [{ path: /api/v1, backend: shop }]\ncriteria:\n  - id: SC-001\n    title: tasks\n    checks: [{ kind: http, url: "http://localhost/api/tasks", expect: { status: 200 } }]\n`;
    const gen = await runCli(['generate', '-'], spec);
    expect(gen.code).toBe(1);
    expect(gen.stderr).toMatch(/generate\/criterion-violated.*SC-001/);
    expect(gen.stdout).toBe('');
    const run = await runCli(['run', '-q', '-'], spec);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/SC-001 tasks: VIOLATED/);
  });
});
