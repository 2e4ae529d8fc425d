import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsFromObjects, parseManifestStream } from '../../../src/model/load-yaml.js';
import {
  allRules,
  finding,
  kedaRules,
  lintRules,
  type Rule,
  refRules,
  ruleById,
  runRuleList,
  runRules,
} from '../../../src/validate/rules/index.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('rule registry conventions', () => {
  it('ids are unique, namespaced and match their group list', () => {
    const ids = allRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of refRules) expect(r.id).toMatch(/^ref\/[a-z0-9-]+$/);
    for (const r of kedaRules) expect(r.id).toMatch(/^keda\/[a-z0-9-]+$/);
    for (const r of lintRules) expect(r.id).toMatch(/^lint\/[a-z0-9-]+$/);
  });

  it.each(allRules.map((r) => [r.id, r] as const))(
    '%s has a doc line, a source file named after it and a table test',
    (id, r) => {
      expect(r.docs.description.length).toBeGreaterThan(20);
      expect(['error', 'warning', 'info']).toContain(r.severity);
      expect(existsSync(join(ROOT, 'src/validate/rules', `${id}.ts`))).toBe(true);
      expect(existsSync(join(ROOT, 'test/validate/rules', `${id}.test.ts`))).toBe(true);
      expect(ruleById(id)).toBe(r);
    },
  );

  it('every rule file is registered (the list is explicit, nothing is picked up by accident)', () => {
    for (const group of ['ref', 'keda', 'lint']) {
      for (const f of readdirSync(join(ROOT, 'src/validate/rules', group))) {
        expect(ruleById(`${group}/${f.replace(/\.ts$/, '')}`), `${group}/${f} is not in allRules`).toBeDefined();
      }
    }
  });
});

describe('runRules', () => {
  const yaml = `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: s, namespace: app}
spec:
  scaleTargetRef: {name: api}
  minReplicaCount: 3
  maxReplicaCount: 2
  triggers: []
`;
  const { docs } = parseManifestStream(yaml, 'so.yaml');

  it('fills resource, path, file, line and column, and sorts by position', () => {
    const diags = runRules(docs);
    const bounds = diags.find((d) => d.code === 'keda/replica-bounds');
    expect(bounds).toMatchObject({ file: 'so.yaml', line: 6, column: 20, path: 'spec.minReplicaCount' });
    expect(bounds?.resource).toEqual({
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      namespace: 'app',
      name: 's',
    });
    const lines = diags.map((d) => d.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('honours disable and an explicit rule list', () => {
    expect(runRules(docs, { disable: ['keda/replica-bounds'] }).some((d) => d.code === 'keda/replica-bounds')).toBe(
      false,
    );
    expect(runRules(docs, { rules: [ruleById('keda/no-triggers') as Rule] }).map((d) => d.code)).toEqual([
      'keda/no-triggers',
    ]);
  });

  it('works on objects without positions', () => {
    const diags = runRules(docsFromObjects(docs.map((d) => d.object)));
    const bounds = diags.find((d) => d.code === 'keda/replica-bounds');
    expect(bounds?.file).toBe('<generated>');
    expect(bounds?.line).toBeUndefined();
  });

  it('turns a crashing rule into an internal/rule-failed error instead of dropping it', () => {
    const broken: Rule = {
      id: 'test/broken',
      severity: 'error',
      docs: { description: 'throws on purpose' },
      check() {
        throw new Error('boom');
      },
    };
    const out = runRuleList([broken], docs);
    expect(out.map((d) => [d.code, d.severity])).toEqual([['internal/rule-failed', 'error']]);
  });

  it('never crashes on odd shapes', () => {
    const odd = parseManifestStream(
      [
        'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g}\nspec: "nope"',
        'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec: {parentRefs: [1, null, "x"], rules: {a: 1}}',
        'apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: BackendTrafficPolicy\nmetadata: {name: b}\nspec: {targetRefs: "x", rateLimit: {local: {rules: [null, {clientSelectors: [{headers: [7]}]}]}}}',
        'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: s}\nspec: {triggers: [null, {type: prometheus, metadata: [1]}], fallback: {}}',
      ].join('\n---\n'),
      'odd.yaml',
    ).docs;
    expect(runRules(odd).filter((d) => d.code === 'internal/rule-failed')).toEqual([]);
  });

  it('finding() keeps the entry for positions', () => {
    const rule = ruleById('keda/no-triggers') as Rule;
    const entry = { object: docs[0].object, doc: docs[0], fromCluster: false, namespace: 'app', name: 's' };
    expect(finding(rule, entry, ['spec'], { message: 'm' })).toMatchObject({
      code: 'keda/no-triggers',
      severity: 'error',
      path: 'spec',
    });
  });
});

describe('objects without metadata (docsFromObjects / cluster reads)', () => {
  it('do not crash any rule', () => {
    const objects = [
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'Gateway',
        spec: { listeners: [{ name: 'a', protocol: 'HTTPS', port: 443 }] },
      },
      {
        apiVersion: 'keda.sh/v1alpha1',
        kind: 'ScaledObject',
        spec: { scaleTargetRef: { name: 'x' }, triggers: [{ type: 'cpu' }] },
      },
      {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        spec: { scaleTargetRef: { kind: 'Deployment', name: 'x' } },
      },
      {
        apiVersion: 'gateway.envoyproxy.io/v1alpha1',
        kind: 'BackendTrafficPolicy',
        spec: { targetRefs: [{ kind: 'Gateway', name: 'g' }] },
      },
    ] as unknown as Parameters<typeof docsFromObjects>[0];
    const diags = runRules(docsFromObjects(objects), { clusterObjects: objects });
    expect(diags.filter((d) => d.code === 'internal/rule-failed')).toEqual([]);
  });
});
