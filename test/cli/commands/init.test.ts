import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSpecYaml } from '../../../src/spec/load.js';
import { runCli } from '../../helpers/cli.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const proseOnly = path.resolve(here, '..', '..', 'fixtures', 'spec-markdown', 'prose-only.md');

describe('traffic-engineer init', () => {
  it('prints the Task API starter on stdout', async () => {
    const r = await runCli(['init']);
    expect(r.code).toBe(0);
    expect(loadSpecYaml({ text: r.stdout, file: 'x' }).diagnostics).toEqual([]);
    expect(r.stderr).toMatch(/TODO\(s\) to decide:\n {2}- app: /);
  });

  it('drafts from a prose-only markdown spec into a file, atomically, and refuses to overwrite', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'te-init-'));
    const out = path.join(dir, 'spec.yaml');
    const r = await runCli(['init', '--from', proseOnly, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(parse(text)).toMatchObject({ app: 'task-api', namespace: 'task-api', policyName: 'task-api-protection' });
    expect(loadSpecYaml({ text, file: out }).diagnostics).toEqual([]);
    expect(r.stderr).toContain('services[0].port: the Service port (not stated)');
    expect(r.stderr).toContain(`wrote ${out}`);

    writeFileSync(out, 'mine\n');
    const again = await runCli(['init', '--from', proseOnly, '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; pass --force/);
    expect(readFileSync(out, 'utf8')).toBe('mine\n');

    const forced = await runCli(['init', '--from', proseOnly, '-o', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(text);
  });

  it('reads the markdown from stdin with --from -', async () => {
    const r = await runCli(['init', '--from', '-'], readFileSync(proseOnly, 'utf8'));
    expect(r.code).toBe(0);
    expect(parse(r.stdout).criteria).toHaveLength(7);
  });

  it('exits 2 on an unreadable --from file, writing nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'te-init-'));
    const r = await runCli(['init', '--from', path.join(dir, 'missing.md'), '-o', path.join(dir, 'out.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/input\/unreadable/);
    expect(() => readFileSync(path.join(dir, 'out.yaml'))).toThrow();
  });

  it('has --help', async () => {
    const r = await runCli(['init', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--from');
    expect(r.stdout).toContain('--force');
  });
});
