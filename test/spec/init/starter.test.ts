import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { starterSpec } from '../../../src/spec/init/index.js';
import { loadSpecYaml } from '../../../src/spec/load.js';
import { parseMarkdownSpec } from '../../../src/spec/markdown/index.js';
import { TrafficSpec } from '../../../src/spec/schema/index.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/spec-markdown/${name}`, import.meta.url), 'utf8');

const fromMd = (markdown: string, file = 'spec.md') => {
  const s = starterSpec({ from: { markdown, file } });
  const spec = TrafficSpec.parse(parse(s.yaml));
  return { ...s, spec };
};

describe('starterSpec without input', () => {
  const s = starterSpec();

  it('is a valid TrafficSpec as written, loadable by the spec loader', () => {
    expect(s.diagnostics).toEqual([]);
    const loaded = loadSpecYaml({ text: s.yaml, file: 'starter.yaml' });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.spec?.gateway.listeners?.map((l) => l.protocol)).toEqual(['HTTP', 'HTTPS']);
    expect(loaded.spec?.rateLimit?.tiers.map((t) => t.name)).toEqual(['per-user', 'anonymous']);
  });

  it('marks the app-specific values TODO, in the YAML and the list', () => {
    expect(s.todos.length).toBeGreaterThanOrEqual(5);
    expect(s.todos).toContain('app: your app name (prefix of every generated name)');
    for (const t of s.todos) expect(s.yaml).toContain(`TODO: ${t.slice(t.indexOf(': ') + 2)}`);
  });
});

describe('starterSpec from a prose-only markdown spec', () => {
  const s = fromMd(fixture('prose-only.md'), 'prose-only.md');

  it('produces a valid TrafficSpec with no diagnostics', () => {
    expect(s.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(loadSpecYaml({ text: s.yaml, file: 'x.yaml' }).diagnostics).toEqual([]);
  });

  it('takes names and namespace from the kubectl commands', () => {
    expect(s.spec).toMatchObject({ app: 'task-api', namespace: 'task-api', policyName: 'task-api-protection' });
    expect(s.spec.autoscaling).toMatchObject({
      engine: 'keda',
      name: 'task-api-scaler',
      minReplicas: 1,
      maxReplicas: 10,
    });
  });

  it('takes listeners and external URLs from the URL origins, with a TODO for the port mapping', () => {
    expect(s.spec.gateway).toMatchObject({
      className: 'eg',
      externalUrls: ['http://localhost:8080', 'https://localhost:8443'],
      listeners: [
        { name: 'http', protocol: 'HTTP', port: 80 },
        { name: 'https', protocol: 'HTTPS', port: 443 },
      ],
    });
    expect(s.todos.some((t) => t.startsWith('gateway.listeners[0].port: clients use port 8080'))).toBe(true);
    expect(s.spec.tls).toMatchObject({ mode: 'self-signed', hosts: ['localhost'] });
  });

  it('routes the paths: unversioned to the app, versioned prefixes to <app>-vN', () => {
    expect(s.spec.routes[0].rules.map((r) => [r.path, r.backend])).toEqual([
      ['/api/tasks', 'task-api'],
      ['/api/v1', 'task-api-v1'],
      ['/api/v2', 'task-api-v2'],
    ]);
    expect(s.spec.services.map((x) => x.name)).toEqual(['task-api', 'task-api-v1', 'task-api-v2']);
    expect(s.todos.filter((t) => /^services\[\d\]\.port/.test(t))).toHaveLength(3);
  });

  it('derives the per-user limit from the burst (110 sent, 10 × 429 → 100/minute from the prose)', () => {
    expect(s.spec.rateLimit?.tiers).toEqual([
      expect.objectContaining({
        name: 'per-user',
        key: { header: 'x-user-id', sourceIP: false },
        limit: { requests: 100, unit: 'Minute' },
      }),
      expect.objectContaining({
        name: 'anonymous',
        match: expect.objectContaining({ headerAbsent: 'x-user-id' }),
        limit: { requests: 10, unit: 'Minute' },
      }),
    ]);
    expect(s.todos.some((t) => t.includes('unit'))).toBe(false);
    expect(s.spec.rateLimit?.scope).toBe('local');
  });

  it('takes circuit-breaker values from the expected field values', () => {
    expect(s.spec.circuitBreaker).toEqual({ maxConnections: 50 });
  });

  it('carries the criteria over unchanged', () => {
    const md = parseMarkdownSpec(fixture('prose-only.md'));
    expect(s.spec.criteria).toEqual(md.criteria.map((c) => expect.objectContaining(c)));
  });
});

describe('starterSpec edge cases', () => {
  const burst = (header: string, n: number, refused: number, prose = 'Callers are limited.') =>
    `# Spec: Shop\n\n### SC-001: Limits\n${prose}\n\n\`\`\`bash\nfor i in {1..${n}}; do\n  curl -s -o /dev/null -w "%{http_code}\\n" ${header}http://shop.example.com/cart\ndone | grep 429 | wc -l\n# Expected: ${refused}\n\`\`\`\n`;

  it('leaves the window TODO when the prose does not state it', () => {
    const s = fromMd(burst('-H "x-api-key: k" ', 60, 10));
    expect(s.spec.rateLimit?.tiers[0]).toMatchObject({
      name: 'per-user',
      key: { header: 'x-api-key' },
      limit: { requests: 50, unit: 'Minute' },
    });
    expect(s.todos).toContain('rateLimit.tiers[0].limit.unit: the window is not stated (50 requests per what?)');
    expect(s.yaml).toContain('unit: Minute # TODO: the window is not stated');
  });

  it('uses the window the prose states', () => {
    const s = fromMd(burst('-H "x-api-key: k" ', 60, 10, 'Each key may send 50 requests per second.'));
    expect(s.spec.rateLimit?.tiers[0].limit).toEqual({ requests: 50, unit: 'Second' });
  });

  it('an anonymous burst without any identity header is one shared bucket, flagged TODO', () => {
    const s = fromMd(burst('', 20, 5, 'At most 15 requests a minute.'));
    expect(s.spec.rateLimit?.tiers[0]).toMatchObject({ name: 'anonymous', limit: { requests: 15, unit: 'Minute' } });
    expect(s.todos.some((t) => t.includes('one bucket shared by every client'))).toBe(true);
    expect(s.spec.app).toBe('shop');
    expect(s.spec.gateway.externalUrls).toEqual(['http://shop.example.com']);
  });

  it('a document without criteria still gives a valid starter, all TODO', () => {
    const s = fromMd('Just some words.\n');
    expect(s.spec.app).toBe('my-app');
    expect(s.todos).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^app:/),
        expect.stringMatching(/^namespace:/),
        expect.stringMatching(/^gateway:/),
      ]),
    );
  });

  it('an HPA with CPU in the prose gets a cpu trigger', () => {
    const md = '### SC-001: Scales\nThe HPA keeps 2 to 6 pods on CPU.\n\n```bash\nkubectl get hpa web -n shop\n```\n';
    const s = fromMd(md);
    expect(s.spec.autoscaling).toMatchObject({
      engine: 'hpa',
      name: 'web',
      minReplicas: 2,
      maxReplicas: 6,
      triggers: [{ type: 'cpu' }],
    });
    expect(s.spec.namespace).toBe('shop');
  });

  it('turns manual checks into TODOs and keeps them in the criteria', () => {
    const s = fromMd('### SC-001: Files\n```bash\nls skills/\n# Expected: SKILL.md\n```\n');
    expect(s.spec.criteria[0].checks[0]).toMatchObject({ kind: 'manual', command: 'ls skills/' });
    expect(s.todos.some((t) => t.startsWith('criteria[0].checks[0]: SC-001: not understood'))).toBe(true);
  });

  it('warns when the markdown already holds a structured spec', () => {
    const s = starterSpec({ from: { markdown: '# X\n```yaml\napp: a\nnamespace: b\n```\n', file: 'x.md' } });
    expect(s.diagnostics).toEqual([
      expect.objectContaining({ code: 'init/has-structured-spec', line: 3, file: 'x.md' }),
    ]);
  });

  it('spec strings cannot inject YAML keys', () => {
    const md =
      '### SC-001: A\n```bash\ncurl -s -o /dev/null -w "%{http_code}" -H "x-user-id: a\\nevil: 1" "http://h/x?a=b: c"\n# Expected: 200\n```\n';
    const s = fromMd(md);
    expect(Object.keys(parse(s.yaml))).not.toContain('evil');
    expect(s.spec.criteria[0].checks[0]).toMatchObject({ kind: 'http', url: 'http://h/x?a=b: c' });
  });
});
