import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/core/generate.js';
import { parseManifestStream } from '../../src/model/load-yaml.js';
import { toYamlStream } from '../../src/render/output.js';
import { loadCrds } from '../../src/validate/crds/index.js';
import { createSchemaValidator, type SchemaValidator } from '../../src/validate/schema/index.js';
import { officialCrdPaths } from '../helpers/shared.js';

/** Every golden and freshly generated document passes the official CRDs: structural schema, strict fields, CEL. */
const goldens = [
  'examples/task-api/stack.golden.yaml',
  ...readdirSync('test/golden').map((d) => join('test/golden', d, 'stack.golden.yaml')),
];
const specs = [
  'examples/task-api/traffic-spec.md',
  ...readdirSync('test/golden').map((d) => join('test/golden', d, 'spec.yaml')),
];

describe.each(['standard', 'experimental'] as const)('official CRDs (%s channel)', (channel) => {
  let validator: SchemaValidator;
  beforeAll(async () => {
    const set = await loadCrds(officialCrdPaths(channel));
    expect(set.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    validator = createSchemaValidator(set);
  });

  const check = (text: string, file: string) => {
    const { docs, diagnostics } = parseManifestStream(text, file);
    expect(diagnostics).toEqual([]);
    let covered = 0;
    const findings = docs.flatMap((d) => {
      if (!validator.covers(d.object.apiVersion, d.object.kind)) return [];
      covered++;
      return validator.validate(d);
    });
    expect(findings.filter((d) => d.severity !== 'info')).toEqual([]);
    return covered;
  };

  it.each(goldens)('%s', (file) => {
    expect(check(readFileSync(file, 'utf8'), file)).toBeGreaterThan(0);
  });

  it.each(specs)('fresh generation of %s', async (spec) => {
    const r = await generate({ specPath: spec });
    expect(r.ok).toBe(true);
    check(toYamlStream(r.manifests), `${spec} (generated)`);
  });

  it('the same check does reject a broken stack (unknown field, CEL rule)', () => {
    const text = readFileSync('examples/task-api/stack.golden.yaml', 'utf8')
      .replace('circuitBreaker:', 'circuitBreakr:')
      .replace(/\n\s+certificateRefs:\n\s+- group: ""\n\s+kind: Secret\n\s+name: task-api-tls/, '');
    const { docs, diagnostics } = parseManifestStream(text, 'broken.yaml');
    expect(diagnostics).toEqual([]);
    const codes = docs
      .flatMap((d) => (validator.covers(d.object.apiVersion, d.object.kind) ? validator.validate(d) : []))
      .map((d) => d.code);
    expect(codes).toContain('schema/unknown-field');
    expect(codes.some((c) => c.startsWith('cel/'))).toBe(true);
  });

  it('the Task API stack holds what the spec asks for', async () => {
    const r = await generate({ specPath: 'examples/task-api/traffic-spec.md' });
    const byKind = (k: string) => r.manifests.filter((m) => m.kind === k);
    expect((byKind('Gateway')[0].spec as any).listeners).toHaveLength(2);
    const btp = byKind('BackendTrafficPolicy');
    expect(btp.map((b) => b.metadata.name)).toEqual(['task-api-protection']);
    expect((btp[0].spec as any).rateLimit.local.rules).toHaveLength(2);
    expect((btp[0].spec as any).circuitBreaker).toEqual({
      maxConnections: 50,
      maxParallelRequests: 25,
      maxPendingRequests: 5,
    });
    expect(byKind('Secret')[0].metadata.name).toBe('task-api-tls');
    expect(byKind('ScaledObject')[0]).toMatchObject({
      metadata: { name: 'task-api-scaler' },
      spec: { minReplicaCount: 1, maxReplicaCount: 10 },
    });
  });
});
