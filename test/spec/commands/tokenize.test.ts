// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell text, not JS templates
import { describe, expect, it } from 'vitest';
import { normaliseKind } from '../../../src/spec/commands/kinds.js';
import { normaliseLoopHeader } from '../../../src/spec/commands/pipeline.js';
import { tokenize } from '../../../src/spec/commands/tokenize.js';
import { splitUnits } from '../../../src/spec/commands/units.js';

const words = (s: string) => tokenize(s).tokens.map((t) => (t.t === 'word' ? t.v : `<${t.v}>`));

describe('tokenize', () => {
  it.each([
    ['curl -H "x-user-id: a b" http://x', ['curl', '-H', 'x-user-id: a b', 'http://x']],
    ['a \'single "q"\' b', ['a', 'single "q"', 'b']],
    ['a "esc \\" \\\\ \\$ \\n" b', ['a', 'esc " \\ $ \\n', 'b']],
    ['a\\ b c', ['a b', 'c']],
    ['a | b || c && d ; e & f', ['a', '<|>', 'b', '<||>', 'c', '<&&>', 'd', '<;>', 'e', '<&>', 'f']],
    ['cmd 2>/dev/null 2>&1 > out', ['cmd', '<2>>', '/dev/null', '<2>&1>', '<>>', 'out']],
    ['x200 a2>b', ['x200', 'a2', '<>>', 'b']],
    ['line one \\\n  continued', ['line', 'one', 'continued']],
    ['a # comment "unclosed', ['a']],
    ['a#b', ['a#b']],
  ])('%s', (input, want) => {
    expect(words(input)).toEqual(want);
  });

  it('records expansions without evaluating them', () => {
    expect(tokenize('echo $HOME "${X}" $(id) `date` "$(a "b")"').expansions).toEqual([
      '$HOME',
      '${X}',
      '$(id)',
      '`date`',
      '$(a "b")',
    ]);
  });

  it.each([['"open'], ["'open"], ['`open']])('reports %s as unterminated', (s) => {
    expect(tokenize(s).error).toMatch(/unterminated/);
  });

  it('marks quoted words', () => {
    const [a, b] = tokenize('"done" done').tokens;
    expect(a).toMatchObject({ v: 'done', quoted: true });
    expect(b).toMatchObject({ v: 'done', quoted: false });
  });
});

describe('splitUnits', () => {
  it('groups a loop with its pipeline and attaches notes and expectations', () => {
    const units = splitUnits(
      '# first note\nfor i in {1..3}; do\n  curl "a\nb"\ndone | wc -l\n# Expected: 3\n\nkubectl get so x # Expected: MIN=1\n',
    );
    expect(units).toHaveLength(2);
    expect(units[0]).toMatchObject({ line: 2, notes: ['first note'], expected: '3' });
    expect(units[0].text).toContain('done | wc -l');
    expect(units[1]).toMatchObject({ line: 8, expected: 'MIN=1' });
  });

  it('does not treat "done" inside quotes as the end of a loop', () => {
    const units = splitUnits('for i in 1 2; do\n  echo "done"\ndone\necho after');
    expect(units.map((u) => u.text.split('\n')[0])).toEqual(['for i in 1 2; do', 'echo after']);
  });
});

describe('loop headers and kinds', () => {
  it.each([
    ['for i in $(seq 1 10); do', 'for i in {1..10}; do'],
    ['for i in `seq 5`; do', 'for i in {1..5}; do'],
    ['for ((i=1; i<=20; i++)); do', 'for i in {1..20}; do'],
    ['for ((n=0;n<20;++n)); do', 'for n in {0..19}; do'],
    ['for i in a b; do', 'for i in a b; do'],
  ])('%s', (input, want) => {
    expect(normaliseLoopHeader(input)).toBe(want);
  });

  it.each([
    ['so', 'scaledobject'],
    ['ScaledObjects', 'scaledobject'],
    ['scaledobjects.keda.sh', 'scaledobject'],
    ['btp', 'backendtrafficpolicy'],
    ['gw', 'gateway'],
    ['httproute', 'httproute'],
    ['hpa', 'horizontalpodautoscaler'],
    ['svc', 'service'],
    ['widgets.example.com', 'widgets'],
  ])('%s → %s', (alias, kind) => {
    expect(normaliseKind(alias)).toBe(kind);
  });
});
