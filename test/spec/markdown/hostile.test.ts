import { describe, expect, it } from 'vitest';
import { starterSpec } from '../../../src/spec/init/index.js';
import { parseMarkdownSpec } from '../../../src/spec/markdown/index.js';

/** Lines built to make backtracking regexes quadratic; each is ~200 KB. */
const N = 200_000;
const nasty = [
  `# a${' '.repeat(N)}b`,
  `**Output${' '.repeat(N)}x`,
  `Prometheus at ${'a'.repeat(N)}`,
  `/${'/'.repeat(N)} ->`,
  `1${' '.repeat(N)}x requests`,
  `in the ${'a-'.repeat(N / 2)} namespace`,
  `Secret \`${'a'.repeat(N)}`,
  `${'`'.repeat(N)}markdown`,
];

describe('hostile markdown', () => {
  it('parses a document of pathological lines in bounded time', () => {
    const body = nasty.join('\n');
    const curl = `curl -s -o /dev/null -w "%{http_code}" -H "x: ${' '.repeat(N / 20)}y" http://a/`;
    const fence = '```';
    // the nasty lines as prose before the criterion, and (minus the heading) inside it
    const text = `${body}\n### SC-001: T\n${nasty.slice(1, -1).join('\n')}\n\n${fence}bash\n${curl}\n# Expected: 200 OK${' '.repeat(3000)}x\n${fence}\n`;
    const t0 = performance.now();
    const md = parseMarkdownSpec(text, 'evil.md');
    const s = starterSpec({ from: { markdown: text, file: 'evil.md' } });
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(4000);
    expect(md.criteria.map((c) => c.id)).toEqual(['SC-001']);
    expect(md.criteria[0].checks[0]).toMatchObject({ kind: 'http', headers: { x: 'y' }, expect: { status: 200 } });
    expect(s.yaml.length).toBeGreaterThan(0);
  });

  it('survives deep markdown nesting and many unclosed fences', () => {
    const text = `${'```markdown\n'.repeat(50_000)}### SC-001: Deep\n\`\`\`bash\nkubectl apply --dry-run=server -f x.yaml\n`;
    const md = parseMarkdownSpec(text);
    expect(md.criteria[0].checks[0]).toMatchObject({ kind: 'dry-run' });
    expect(md.diagnostics.filter((d) => d.code === 'markdown/unclosed-fence')).toHaveLength(50_001);
  });

  it('never evaluates anything: a command that would have side effects is a manual check', () => {
    const md = parseMarkdownSpec(
      '### SC-001: X\n```bash\ntouch /tmp/te-pwned && curl http://a/\n$(rm -rf ~)\n`reboot`\n```\n',
    );
    expect(md.criteria[0].checks.map((c) => c.kind)).toEqual(['manual', 'manual', 'manual']);
  });
});
