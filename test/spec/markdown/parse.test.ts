import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Criterion } from '../../../src/spec/checks.js';
import { criterionHeading, parseMarkdownSpec, scanMarkdown } from '../../../src/spec/markdown/index.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/spec-markdown/${name}`, import.meta.url), 'utf8');

/** The check kinds the seven criteria of the Task API spec must parse to. */
const TASK_API_KINDS = {
  'SC-001': ['http'],
  'SC-002': ['burst'],
  'SC-003': ['http'],
  'SC-004': ['resource'],
  'SC-005': ['json'],
  'SC-006': ['resource'],
  'SC-007': ['dry-run'],
};

const kinds = (criteria: Criterion[]) => Object.fromEntries(criteria.map((c) => [c.id, c.checks.map((k) => k.kind)]));

describe('parseMarkdownSpec on a prose-only spec', () => {
  const md = parseMarkdownSpec(fixture('prose-only.md'), 'prose-only.md');

  it('reads title, no yaml block, and the seven criteria with their checks', () => {
    expect(md.title).toBe('Traffic requirements: Task API');
    expect(md.yaml).toBeUndefined();
    expect(kinds(md.criteria)).toEqual(TASK_API_KINDS);
    for (const c of md.criteria) expect(Criterion.safeParse(c).success).toBe(true);
  });

  it('keeps each criterion title and prose description (without labels)', () => {
    const sc2 = md.criteria.find((c) => c.id === 'SC-002')!;
    expect(sc2.title).toBe('Per-caller rate limit');
    expect(sc2.description).toBe(
      'Every caller (named by the x-user-id header) may send 100 requests/minute.\nCallers without the header get 10 requests/minute between them.',
    );
    expect(sc2.checks[0]).toMatchObject({
      kind: 'burst',
      count: 110,
      headers: { 'x-user-id': 'alice' },
      expect: { counts: { '429': 10 } },
    });
  });

  it('records the heading line of each criterion', () => {
    const lines = fixture('prose-only.md').split('\n');
    for (const [id, line] of Object.entries(md.criterionLines))
      expect(lines[line - 1]).toMatch(new RegExp(`^### ${id}:`));
  });

  it('extracts prose facts', () => {
    expect(md.prose.goals).toHaveLength(4);
    expect(md.prose.nonGoals).toEqual(['Several clusters', 'Global rate limiting backed by Redis']);
    expect(md.prose.mentions.namespaces).toContain('task-api');
    expect(md.prose.mentions.prometheus).toBe('http://prometheus.monitoring.svc.cluster.local:9090');
    expect(md.prose.mentions.selfSigned).toBe(true);
    expect(md.prose.mentions.urls).toContain('http://localhost:8080/api/tasks');
  });

  it('reports no warnings', () => {
    expect(md.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});

describe('a spec nested in a ```markdown fence (tutorial style)', () => {
  const md = parseMarkdownSpec(fixture('nested.md'), 'nested.md');

  it('sees through the outer fence: the same seven criteria', () => {
    expect(kinds(md.criteria)).toEqual(TASK_API_KINDS);
  });

  it('warns about the later duplicate SC-002 and keeps the first', () => {
    const dup = md.diagnostics.filter((d) => d.code === 'markdown/duplicate-criterion');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ severity: 'warning', file: 'nested.md', path: 'criteria.SC-002' });
    expect(md.criteria.find((c) => c.id === 'SC-002')!.title).toBe('Per-caller rate limit');
  });

  it('ends a criterion section at the end of the markdown fence', () => {
    const sc7 = md.criteria.find((c) => c.id === 'SC-007')!;
    expect(sc7.checks).toHaveLength(1);
    expect(md.prose.title).toBe('Lesson: writing a traffic spec');
  });

  it('has no unclosed fences', () => {
    expect(md.diagnostics.filter((d) => d.code === 'markdown/unclosed-fence')).toEqual([]);
  });
});

describe('Output blocks, labels and edge cases', () => {
  it('uses a labelled Output block as the expectation of the last command', () => {
    const text = [
      '### SC-010: Anonymous limit',
      '',
      '```bash',
      'for i in {1..15}; do',
      '  curl -s -o /dev/null -w "%{http_code}\\n" http://localhost:8080/api/tasks',
      'done | sort | uniq -c',
      '```',
      '',
      '**Output:**',
      '',
      '```',
      '     10 200',
      '      5 429',
      '```',
      '',
      'Result: PASS',
    ].join('\n');
    const md = parseMarkdownSpec(text);
    expect(md.criteria[0].checks).toEqual([
      expect.objectContaining({ kind: 'burst', count: 15, expect: { counts: { '200': 10, '429': 5 } } }),
    ]);
    expect(md.criteria[0].description).toBeUndefined();
  });

  it('does not take an unlabelled block as output', () => {
    const text = '### SC-001: A\n```bash\nkubectl get so x -n y\n```\n```\nNAME MIN\nx 1\n```\n';
    expect(parseMarkdownSpec(text).criteria[0].checks[0]).toMatchObject({ kind: 'resource', expect: {} });
  });

  it('reports manual checks as info diagnostics with the command line', () => {
    const text = '# T\n\n### SC-001: Skill files\n\n```bash\n# list them\nls -la skills/\n# Expected: SKILL.md\n```\n';
    const md = parseMarkdownSpec(text, 'x.md');
    expect(md.criteria[0].checks[0]).toMatchObject({ kind: 'manual', command: 'ls -la skills/', expected: 'SKILL.md' });
    expect(md.diagnostics).toEqual([
      expect.objectContaining({ code: 'markdown/manual-check', severity: 'info', file: 'x.md', line: 7 }),
    ]);
  });

  it('warns about a criterion without commands and an unclosed fence', () => {
    const md = parseMarkdownSpec(
      '## SC-001: Nothing to run\nJust words.\n\n## SC-002: Open\n```bash\ncurl http://a/\n',
    );
    expect(md.criteria.map((c) => c.id)).toEqual(['SC-001', 'SC-002']);
    expect(md.diagnostics.map((d) => d.code).sort()).toEqual([
      'markdown/criterion-without-checks',
      'markdown/manual-check',
      'markdown/unclosed-fence',
    ]);
  });

  it('ends a section at a heading of the same or a higher level, not a lower one', () => {
    const md = parseMarkdownSpec(
      '## SC-001: A\ntext\n### Details\nmore\n```sh\nkubectl get so x\n```\n## Other\n```bash\nkubectl get so y\n```\n',
    );
    expect(md.criteria[0].checks).toHaveLength(1);
    expect(md.criteria[0].description).toBe('text\nmore');
  });

  it('refuses oversized input with a diagnostic', () => {
    const md = parseMarkdownSpec('x'.repeat(4 * 1024 * 1024 + 1), 'big.md');
    expect(md.criteria).toEqual([]);
    expect(md.diagnostics[0]).toMatchObject({ code: 'input/too-large', severity: 'error', file: 'big.md' });
  });

  it.each([
    ['SC-001: External Access', { id: 'SC-001', title: 'External Access' }],
    ['SC-12 — Burst', { id: 'SC-12', title: 'Burst' }],
    ['**SC-003**: TLS', { id: 'SC-003', title: 'TLS' }],
    ['SC-004', { id: 'SC-004', title: '' }],
    ['PERF-2: Latency', { id: 'PERF-2', title: 'Latency' }],
    ['HTTP-2 support', undefined],
    ['Success criteria', undefined],
  ])('heading %s', (heading, want) => {
    expect(criterionHeading(heading)).toEqual(want);
  });
});

describe('prose mentions', () => {
  it.each([
    ['Keep it in Secret `task-api-tls`.', { secrets: ['task-api-tls'] }],
    ['A Secret containing the key pair.', { secrets: [] }],
    ['Envoy Gateway with GatewayClass `eg`.', { gatewayClass: 'eg' }],
    ['The GatewayClass is shared.', { gatewayClass: undefined }],
    ['It runs in the shop namespace.', { namespaces: ['shop'] }],
    ['Use namespace `web-prod` for it; the namespace of the app matters.', { namespaces: ['web-prod'] }],
    ['Prometheus available at prometheus.monitoring.svc:9090', { prometheus: 'http://prometheus.monitoring.svc:9090' }],
    ['Prometheus: http://prom:9090 here', { prometheus: 'http://prom:9090' }],
  ])('%s', (text, want) => {
    const m = parseMarkdownSpec(`# T\n\n${text}\n`).prose.mentions;
    for (const [k, v] of Object.entries(want)) expect(m[k as keyof typeof m]).toEqual(v);
  });
});

describe('choosing the structured YAML block', () => {
  it('takes the first spec-looking block, skipping Kubernetes objects, and its content line', () => {
    const text = [
      '# Spec', // 1
      '```yaml', // 2
      'apiVersion: gateway.networking.k8s.io/v1', // 3
      'kind: Gateway',
      'metadata: { name: g }',
      'spec: {}',
      '```',
      '```yaml', // 8
      'app: task-api', // 9
      'namespace: task-api',
      '```',
      '```yaml',
      'app: other',
      'services: []',
      '```',
    ].join('\n');
    const md = parseMarkdownSpec(text, 's.md');
    expect(md.yaml).toEqual({ text: 'app: task-api\nnamespace: task-api', line: 9 });
    expect(md.diagnostics).toEqual([expect.objectContaining({ code: 'markdown/several-spec-blocks', line: 12 })]);
  });

  it('prefers a block marked ```yaml traffic-spec', () => {
    const md = parseMarkdownSpec('```yaml\napp: a\nnamespace: b\n```\n```yaml traffic-spec\napp: c\n```\n');
    expect(md.yaml?.text).toBe('app: c');
  });

  it('chooses a spec block even when its YAML is broken (the loader reports the error)', () => {
    const md = parseMarkdownSpec('```yml\napp: a\nnamespace: [b\n```\n');
    expect(md.yaml?.text).toBe('app: a\nnamespace: [b');
  });

  it('ignores YAML with fewer than two spec keys', () => {
    expect(parseMarkdownSpec('```yaml\nfoo: 1\napp: x\n```\n').yaml).toBeUndefined();
  });

  it('reads the example Task API spec: yaml block and criteria', () => {
    const text = readFileSync(new URL('../../../examples/task-api/traffic-spec.md', import.meta.url), 'utf8');
    const md = parseMarkdownSpec(text, 'traffic-spec.md');
    expect(md.yaml?.text).toMatch(/^app: task-api/);
    expect(text.split('\n')[md.yaml!.line - 1]).toMatch(/^app: task-api/);
    expect(md.criteria.map((c) => c.id)).toEqual(Object.keys(TASK_API_KINDS));
    expect(md.criteria.flatMap((c) => c.checks).filter((c) => c.kind === 'manual')).toEqual([]);
    const sc2 = md.criteria.find((c) => c.id === 'SC-002')!;
    expect(sc2.checks.map((c) => (c.kind === 'burst' ? c.expect.counts : undefined))).toEqual([
      { '429': 10 },
      { '200': 10, '429': 5 },
    ]);
  });
});

describe('scanMarkdown', () => {
  it('nests by fence length as CommonMark does', () => {
    const s = scanMarkdown('````markdown\n## SC-001: A\n```\ninner\n```\n````\n');
    expect(s.blocks.map((b) => b.type)).toEqual(['heading', 'fence', 'frame-end', 'text']);
    expect(s.unclosed).toEqual([]);
  });

  it('treats ~~~ fences and does not close them with backticks', () => {
    const s = scanMarkdown('~~~bash\n```\nx\n~~~\n');
    const f = s.blocks.find((b) => b.type === 'fence');
    expect(f).toMatchObject({ fence: { lang: 'bash', text: '```\nx', closed: true } });
  });
});

describe('output blocks inside a markdown fence', () => {
  it('a bare fence after **Output:** opens the output block instead of closing the markdown fence', () => {
    const text = [
      '```markdown',
      '### SC-001: Burst',
      '```bash',
      'for i in {1..15}; do curl -s -o /dev/null -w "%{http_code}\\n" http://a/; done | sort | uniq -c',
      '```',
      '**Output:**',
      '```',
      '10 200',
      '5 429',
      '```',
      '### SC-002: Still inside',
      '```bash',
      'kubectl apply --dry-run=server -f x.yaml',
      '```',
      '```',
      'after the fence',
    ].join('\n');
    const md = parseMarkdownSpec(text);
    expect(md.criteria.map((c) => [c.id, c.checks.map((k) => k.kind)])).toEqual([
      ['SC-001', ['burst']],
      ['SC-002', ['dry-run']],
    ]);
    expect(md.criteria[0].checks[0]).toMatchObject({ expect: { counts: { '200': 10, '429': 5 } } });
    expect(md.diagnostics.filter((d) => d.code === 'markdown/unclosed-fence')).toEqual([]);
  });
});
