import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSpecText, looksLikeMarkdown } from '../../src/spec/load-text.js';
import { normalize } from '../../src/spec/plan/normalize.js';

const example = readFileSync('examples/task-api/traffic-spec.md', 'utf8');
const minimal = 'app: shop\nnamespace: shop\nservices:\n  - name: shop\n    port: 8080\n';

describe('loadSpecText', () => {
  it('reads the Task API markdown: structured block plus SC-001…SC-007 as checks', () => {
    const r = loadSpecText(example, 'traffic-spec.md');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const spec = r.spec!;
    expect(spec.app).toBe('task-api');
    expect(spec.criteria.map((c) => c.id)).toEqual([
      'SC-001',
      'SC-002',
      'SC-003',
      'SC-004',
      'SC-005',
      'SC-006',
      'SC-007',
    ]);
    const kinds = Object.fromEntries(spec.criteria.map((c) => [c.id, c.checks.map((k) => k.kind)]));
    expect(kinds).toEqual({
      'SC-001': ['http'],
      'SC-002': ['burst', 'burst'],
      'SC-003': ['http'],
      'SC-004': ['resource'],
      'SC-005': ['json'],
      'SC-006': ['resource'],
      'SC-007': ['dry-run'],
    });
    const burst = spec.criteria[1].checks[0];
    expect(burst).toMatchObject({
      kind: 'burst',
      count: 110,
      headers: { 'x-user-id': 'test' },
      expect: { counts: { '429': 10 } },
    });
  });

  const table: { name: string; text: string; file?: string; code?: RegExp; line?: number; ok?: (s: any) => void }[] = [
    { name: 'minimal YAML gets every default', text: minimal, ok: (s) => expect(s.gateway.className).toBe('eg') },
    {
      name: 'RFC 1123: upper case',
      text: minimal.replace('namespace: shop', 'namespace: Shop'),
      code: /spec\/invalid-name/,
      line: 2,
    },
    {
      name: 'RFC 1123: too long',
      text: minimal.replace('app: shop', `app: ${'a'.repeat(64)}`),
      code: /spec\/invalid-name/,
      line: 1,
    },
    {
      name: 'unknown nested field',
      text: `${minimal}gateway:\n  clasName: eg\n`,
      code: /spec\/unknown-field/,
      line: 7,
    },
    {
      name: 'backend not among services',
      text: `${minimal}routes:\n  - rules:\n      - { path: /x, backend: other }\n`,
      code: /spec\/invalid/,
      line: 8,
    },
    {
      name: 'min > max replicas',
      text: `${minimal}autoscaling:\n  minReplicas: 5\n  maxReplicas: 2\n  triggers: [{ type: cpu, utilization: 50 }]\n`,
      code: /spec\/invalid/,
    },
    {
      name: 'HPA with a prometheus trigger',
      text: `${minimal}autoscaling:\n  engine: hpa\n  triggers: [{ type: prometheus, serverAddress: "http://p:9090", threshold: 5 }]\n`,
      code: /spec\/invalid/,
    },
    { name: 'duplicate keys', text: `${minimal}app: again\n`, code: /input\/yaml-syntax/, line: 6 },
    {
      name: 'markdown without a yaml block',
      text: '# Spec\n\n### SC-001: x\n\n```bash\ncurl -s http://localhost/\n# Expected: 200\n```\n',
      file: 's.md',
      code: /spec\/no-structured-block/,
    },
    {
      name: 'markdown errors point into the file',
      text: `# Spec\n\nintro\n\n\`\`\`yaml\n${minimal.replace('app: shop', 'app: Bad_Name')}\`\`\`\n`,
      file: 's.md',
      code: /spec\/invalid-name/,
      line: 6,
    },
  ];
  it.each(table)('$name', ({ text, file, code, line, ok }) => {
    const r = loadSpecText(text, file ?? 'spec.yaml');
    if (ok) {
      expect(r.diagnostics).toEqual([]);
      ok(r.spec);
      return;
    }
    expect(r.spec).toBeUndefined();
    const d = r.diagnostics.find((x) => code!.test(x.code));
    expect(d, JSON.stringify(r.diagnostics)).toBeDefined();
    if (line) expect(d!.line).toBe(line);
  });

  it('detects markdown by extension or content', () => {
    expect(looksLikeMarkdown('app: x', 'a.md')).toBe(true);
    expect(looksLikeMarkdown('# x\n```yaml\n```', 'a.yaml')).toBe(false);
    expect(looksLikeMarkdown('# x\n```yaml\n```', '<stdin>')).toBe(true);
  });
});

describe('normalize: correct by construction', () => {
  const plan = normalize(loadSpecText(example, 'traffic-spec.md').spec!).plan;
  it('per-user = Distinct, anonymous = inverted match-anything regex, never "*"', () => {
    const rules = plan.policy!.rateLimit!.rules;
    expect(rules[0].clientSelectors[0].headers).toEqual([{ name: 'x-user-id', type: 'Distinct' }]);
    expect(rules[1].clientSelectors[0].headers).toEqual([
      { name: 'x-user-id', type: 'RegularExpression', value: '.*', invert: true },
    ]);
    expect(JSON.stringify(rules)).not.toContain('"*"');
  });
  it('targets the route with its group, terminates TLS with the Secret, scales on Envoy metrics of the route rule', () => {
    expect(plan.policy!.targetRefs).toEqual([
      { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'task-api-route' },
    ]);
    expect(plan.gateway.listeners[1]).toMatchObject({ protocol: 'HTTPS', certificateRef: 'task-api-tls' });
    expect(plan.autoscaling!.triggers[0].metadata.query).toBe(
      'sum(rate(envoy_cluster_upstream_rq_total{envoy_cluster_name="httproute/task-api/task-api-route/rule/0"}[2m]))',
    );
    expect(plan.autoscaling!.triggers[0].metadata).not.toHaveProperty('metricName');
  });
  it('routes every path the criteria request', () => {
    const prefixes = plan.routes.flatMap((r) => r.rules.flatMap((x) => x.matches.map((m) => m.path.value)));
    expect(prefixes).toEqual(expect.arrayContaining(['/api/tasks', '/api/v1', '/api/v2']));
  });
  it('warns when a local per-user limit cannot be exact across replicas', () => {
    const spec = loadSpecText(example.replace('  className: eg\n', '  className: eg\n  envoyReplicas: 3\n'), 'x.md')
      .spec!;
    const d = normalize(spec).diagnostics;
    expect(d.map((x) => x.code)).toContain('plan/local-limit-per-replica');
  });
  it('reports a local unit that Envoy Gateway would reject', () => {
    const spec = loadSpecText(
      `${minimal}rateLimit:\n  tiers:\n    - { name: all, limit: { requests: 10, unit: Minute } }\n    - { name: burst, match: { headerPresent: x-a }, limit: { requests: 1, unit: Second } }\n`,
      'x.yaml',
    ).spec!;
    expect(normalize(spec).diagnostics.map((x) => [x.code, x.severity])).toContainEqual([
      'plan/local-unit-not-multiple',
      'error',
    ]);
  });
});
