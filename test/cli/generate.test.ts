import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { runCli } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'te-gen-'));
const minimal = 'app: shop\nnamespace: shop\nservices:\n  - name: shop\n    port: 8080\n';

function specFile(text: string, name = 'spec.yaml'): string {
  const f = join(tmp(), name);
  writeFileSync(f, text);
  return f;
}

describe('generate (CLI)', () => {
  it('prints the stack for the Task API example', async () => {
    const r = await runCli(['generate', 'examples/task-api/traffic-spec.md']);
    expect(r.code).toBe(0);
    const kinds = parseAllDocuments(r.stdout).map((d) => (d.toJS() as { kind: string }).kind);
    expect(kinds).toEqual(['Namespace', 'Secret', 'Gateway', 'HTTPRoute', 'BackendTrafficPolicy', 'ScaledObject']);
  });

  it('writes one file per resource plus kustomization.yaml, the Secret at mode 0600', async () => {
    const out = join(tmp(), 'stack');
    const r = await runCli(['generate', 'examples/task-api/traffic-spec.md', '-o', out]);
    expect(r.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toContain('kustomization.yaml');
    expect(files).toContain('02-secret-task-api-tls.yaml');
    expect(statSync(join(out, '02-secret-task-api-tls.yaml')).mode & 0o777).toBe(0o600);
    const k = readFileSync(join(out, 'kustomization.yaml'), 'utf8');
    expect(k).toMatch(/01-namespace-task-api\.yaml[\s\S]*06-scaledobject-task-api-scaler\.yaml/);
  });

  it('never overwrites without --force', async () => {
    const f = join(tmp(), 'out.yaml');
    writeFileSync(f, 'mine\n');
    const r = await runCli(['generate', specFile(minimal), '-o', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--force/);
    expect(readFileSync(f, 'utf8')).toBe('mine\n');
    expect((await runCli(['generate', specFile(minimal), '-o', f, '--force'])).code).toBe(0);
    expect(readFileSync(f, 'utf8')).toMatch(/kind: Gateway/);
  });

  it('emits JSON on --format json', async () => {
    const r = await runCli(['generate', specFile(minimal), '--format', 'json']);
    expect(JSON.parse(r.stdout).kind).toBe('List');
  });

  it('reads the spec from stdin with -', async () => {
    const r = await runCli(['generate', '-'], minimal);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/name: shop-gateway/);
  });

  it('has --help', async () => {
    const r = await runCli(['generate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--output/);
    expect(r.stdout).toMatch(/-o, --output/);
  });
});

/** Every bad-input class of DEVELOPERS.md: a located diagnostic, exit 1 or 2, no output file, no stack trace. */
describe('generate rejects bad input', () => {
  const cases: { name: string; text?: string; file?: string; code: number; diag: RegExp; at?: RegExp }[] = [
    {
      name: 'malformed YAML',
      text: 'app: shop\nnamespace: [shop\n',
      code: 1,
      diag: /input\/yaml-syntax/,
      at: /spec\.yaml:\d+:\d+/,
    },
    {
      name: 'unknown field with a suggestion',
      text: `${minimal}rateLimits: {}\n`,
      code: 1,
      diag: /spec\/unknown-field.*rateLimits[\s\S]*did you mean "rateLimit"/,
      at: /spec\.yaml:6:1/,
    },
    {
      name: 'invalid name',
      text: minimal.replace('app: shop', 'app: Shop_API'),
      code: 1,
      diag: /spec\/invalid-name.*app/,
      at: /spec\.yaml:1:6/,
    },
    { name: 'missing required field', text: 'app: shop\nnamespace: shop\n', code: 1, diag: /spec\/required.*services/ },
    {
      name: 'hostile header name',
      text: `${minimal}rateLimit:\n  tiers:\n    - name: x\n      key: { header: "x-user\\n---\\nkind: Secret" }\n      limit: { requests: 1 }\n`,
      code: 1,
      diag: /rateLimit\.tiers\[0\]\.key\.header/,
      at: /spec\.yaml:9:\d+/,
    },
    { name: 'a YAML list instead of a mapping', text: '- a\n- b\n', code: 1, diag: /spec\/not-an-object/ },
    {
      name: 'alias bomb',
      text: `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`,
      code: 1,
      diag: /input\/yaml-syntax|Excessive alias/,
    },
    { name: 'missing file', file: '/nonexistent/spec.yaml', code: 2, diag: /input\/unreadable.*no such file/ },
    { name: 'a directory', file: '/tmp', code: 2, diag: /input\/is-directory/ },
  ];
  it.each(cases)('$name', async ({ text, file, code, diag, at }) => {
    const spec = file ?? specFile(text ?? '');
    const out = join(tmp(), 'out.yaml');
    const r = await runCli(['generate', spec, '-o', out]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(diag);
    if (at) expect(r.stderr).toMatch(at);
    expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a huge file before parsing it', async () => {
    const f = join(tmp(), 'huge.yaml');
    writeFileSync(f, `${minimal}# ${'x'.repeat(17 * 1024 * 1024)}\n`);
    const r = await runCli(['generate', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/input\/too-large/);
    expect(r.stdout).toBe('');
  });

  it('keeps hostile strings inside their scalar: no injected key or document', async () => {
    const evil = '/api"\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: pwned}';
    const text = `${minimal}routes:\n  - rules:\n      - path: ${JSON.stringify(evil)}\n        backend: shop\n`;
    const r = await runCli(['generate', specFile(text)]);
    expect(r.code).toBe(0);
    const docs = parseAllDocuments(r.stdout).map((d) => d.toJS());
    expect(docs.map((d) => d.kind)).toEqual(['Namespace', 'Gateway', 'HTTPRoute']);
    expect(docs[2].spec.rules[0].matches[0].path.value).toBe(evil);
  });

  it('unknown flags and commands are usage errors', async () => {
    expect((await runCli(['generate', 'x', '--bogus'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['generate'])).code).toBe(2);
  });
});

describe('generate --templates', () => {
  it('overrides a single template and keeps the others', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'namespace.yaml.njk'),
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {{ namespace | y }}\n  labels:\n    team: {{ "payments" | y }}\n',
    );
    const r = await runCli(['generate', specFile(minimal), '--templates', dir]);
    expect(r.code).toBe(0);
    const docs = parseAllDocuments(r.stdout).map((d) => d.toJS());
    expect(docs[0].metadata.labels).toEqual({ team: 'payments' });
    expect(docs.map((d) => d.kind)).toEqual(['Namespace', 'Gateway', 'HTTPRoute']);
  });

  it('a broken override is a located diagnostic, not a crash', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'gateway.yaml.njk'), 'kind: Gateway\nmetadata: {{ nope.missing | y }}\n');
    const r = await runCli(['generate', specFile(minimal), '--templates', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/render\/template-error.*gateway\.yaml\.njk/);
  });
});
