import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'te-validate-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

// The tutorial's "per-user" policy (envoy-gateway.md §13), in our own layout.
const tutorialBtp = `apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata: {name: task-api-ratelimit, namespace: task-api}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: task-api-route}]
  rateLimit:
    local:
      rules:
        - clientSelectors: [{headers: [{name: x-user-id, value: "*"}]}]
          limit: {requests: 100, unit: Minute}
        - clientSelectors: [{headers: [{name: x-user-id, value: "*", invert: true}]}]
          limit: {requests: 10, unit: Minute}
`;
const widget = (spec: string) =>
  `apiVersion: example.test/v1\nkind: Widget\nmetadata: {name: w, namespace: default}\nspec:\n${spec}`;

describe('validate (CLI)', () => {
  it('warns about the tutorial policy with locations, exit 0 (warnings only)', async () => {
    const r = await runCli(['validate', file('btp.yaml', tutorialBtp)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/btp\.yaml:9:\d+\s+warning\s+lint\/exact-star-header/);
    expect(r.stdout).toMatch(/lint\/inverted-exact-star/);
    expect(r.stdout).toMatch(/validate\/crd-validation-not-run/);
  });

  it('checks custom resources against --crds, CEL included; exit 1 on errors', async () => {
    const bad = file('w.yaml', widget('  listeners: []\n  min: 7\n  max: 3\n  colour: red\n'));
    const r = await runCli([
      'validate',
      bad,
      '--crds',
      'test/fixtures/validate-schema/widget-crd.yaml',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const codes = report.diagnostics.map((d: { code: string }) => d.code);
    expect(codes).toContain('schema/unknown-field');
    expect(codes).toContain('cel/rule-failed');
    expect(report.summary.errors).toBeGreaterThanOrEqual(2);
    const unknown = report.diagnostics.find((d: { code: string }) => d.code === 'schema/unknown-field');
    expect(unknown).toMatchObject({ resource: { kind: 'Widget', name: 'w', namespace: 'default' }, line: 8 });
  });

  it('writes SARIF 2.1.0', async () => {
    const r = await runCli(['validate', file('btp2.yaml', tutorialBtp), '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'lint/exact-star-header')).toBe(true);
  });

  it('reads stdin and directories', async () => {
    expect((await runCli(['validate'], tutorialBtp)).stdout).toMatch(/lint\/exact-star-header/);
    expect((await runCli(['validate', dir])).stdout).toMatch(/btp\.yaml/);
  });

  it('exit 2 on unreadable input and bad YAML is located', async () => {
    expect((await runCli(['validate', '/nonexistent.yaml'])).code).toBe(2);
    const r = await runCli(['validate', file('broken.yaml', 'apiVersion: v1\nkind: [\n')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/broken\.yaml:\d+:\d+.*input\/yaml-syntax/);
  });

  it('the generated Task API stack has no errors', async () => {
    const gen = await runCli(['generate', 'examples/task-api/traffic-spec.md']);
    const r = await runCli(['validate', '--format', 'json'], gen.stdout);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.errors).toBe(0);
  });
});
