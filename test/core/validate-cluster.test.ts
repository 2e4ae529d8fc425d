import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { validate } from '../../src/core/validate.js';
import { type Env, startEnv } from '../cluster/setup.js';

const route = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: shop}
spec:
  parentRefs: [{name: gw}]
  rules:
    - backendRefs: [{name: shop, port: 80}]
    - backendRefs: [{name: gone, port: 80}]
`;
const widget =
  'apiVersion: example.test/v1\nkind: Widget\nmetadata: {name: w, namespace: shop}\nspec:\n  listeners: []\n  colour: red\n';

describe('validate against a connected cluster (fake API server)', () => {
  let env: Env;
  beforeAll(async () => {
    env = await startEnv();
    for (const d of parseAllDocuments(readFileSync('test/fixtures/validate-schema/widget-crd.yaml', 'utf8')))
      if (d.toJS()?.kind === 'CustomResourceDefinition') env.fake.add(d.toJS());
    env.fake.add({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'shop', namespace: 'shop' },
      spec: { ports: [{ port: 80 }] },
    });
    env.fake.add({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'gw', namespace: 'shop' },
      spec: { gatewayClassName: 'eg', listeners: [{ name: 'http', protocol: 'HTTP', port: 80 }] },
    });
  });
  afterAll(() => env.fake.stop());

  it('resolves references in the cluster: present ones pass, missing ones are errors', async () => {
    const r = await validate({ yaml: route, kubeconfig: env.kubeconfig });
    const refs = r.diagnostics.filter((d) => d.code === 'ref/backend-service');
    expect(refs.map((d) => [d.severity, d.path])).toEqual([['error', 'spec.rules[1].backendRefs[0].name']]);
    expect(r.diagnostics.some((d) => d.code === 'ref/parent-gateway')).toBe(false);
    expect(r.diagnostics.find((d) => d.code === 'validate/cluster-read')?.message).toMatch(/objects/);
  });

  it('--crds cluster validates custom resources against the CRDs the cluster serves', async () => {
    const r = await validate({ yaml: widget, crds: ['cluster'], kubeconfig: env.kubeconfig });
    expect(r.coverage.crd).toBe(1);
    expect(r.diagnostics.map((d) => d.code)).toContain('schema/unknown-field');
  });

  it('an unreachable cluster is a diagnostic, not a crash', async () => {
    const r = await validate({ yaml: route, context: 'no-such-context', kubeconfig: env.kubeconfig });
    expect(r.diagnostics.some((d) => d.code.startsWith('cluster/') && d.severity === 'error')).toBe(true);
    expect(r.summary.errors).toBeGreaterThan(0);
  });
});
