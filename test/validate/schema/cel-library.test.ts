import { describe, expect, it } from 'vitest';
import { celEnvironment } from '../../../src/validate/schema/cel/environment.js';
import { parseQuantity } from '../../../src/validate/schema/cel/lib-quantity.js';
import { rewriteHasMacros } from '../../../src/validate/schema/cel/rewrite.js';
import { didYouMean, levenshtein } from '../../../src/validate/schema/did-you-mean.js';
import { escapeCelProperty } from '../../../src/validate/schema/escape.js';
import { checkFormat } from '../../../src/validate/schema/formats.js';

const run = (expr: string, self?: unknown) => celEnvironment().parse(rewriteHasMacros(expr))({ self });

describe('Kubernetes CEL library', () => {
  it.each([
    ["isIP('10.0.0.1') && isIP('::1') && !isIP('example.com') && !isIP('10.0.0.1%eth0')", true],
    ["ip('10.0.0.1').family() == 4 && ip('fe80::1').family() == 6", true],
    ["ip('127.0.0.1').isLoopback() && !ip('10.0.0.1').isLoopback()", true],
    ["isCIDR('10.0.0.0/8') && !isCIDR('10.0.0.0/33') && !isCIDR('10.0.0.0')", true],
    ["cidr('10.0.0.0/8').containsIP('10.255.0.1') && !cidr('10.0.0.0/8').containsIP('11.0.0.1')", true],
    ["cidr('10.0.0.0/8').containsCIDR('10.1.0.0/16') && !cidr('10.1.0.0/16').containsCIDR('10.0.0.0/8')", true],
    ["string(cidr('10.1.2.3/8').masked()) == '10.0.0.0/8' && string(cidr('10.1.2.3/8').ip()) == '10.1.2.3'", true],
    [
      "string(cidr('2001:db8:1::1/32').masked()) == '2001:db8::/32' && cidr('2001:db8::/32').containsIP('2001:db8:ffff::1')",
      true,
    ],
    ["isURL('https://example.com:8443/a?b=c') && !isURL('not a url')", true],
    [
      "url('https://example.com:8443/a?b=c').getScheme() == 'https' && url('https://example.com:8443/a').getHostname() == 'example.com'",
      true,
    ],
    [
      "url('https://example.com:8443/a').getPort() == '8443' && url('https://example.com/a/b').getEscapedPath() == '/a/b'",
      true,
    ],
    ["quantity('1Gi').isGreaterThan(quantity('1000Mi')) && quantity('500m').isLessThan(quantity('1'))", true],
    [
      "quantity('2k').asInteger() == 2000 && quantity('1.5').isInteger() == false && isQuantity('10Mi') && !isQuantity('10MB')",
      true,
    ],
    ["quantity('1').add(quantity('500m')).compareTo(quantity('1500m')) == 0", true],
    ["format.dns1123Label().validate('my-name') == null && format.dns1123Label().validate('My_Name') != null", true],
    ["format.named('dns1123Subdomain').hasValue() && !format.named('nope').hasValue()", true],
    ["'Hello'.lowerAscii() == 'hello' && 'a-b-c'.split('-').size() == 3 && ['a','b'].join('/') == 'a/b'", true],
    [
      "'abc'.indexOf('c') == 2 && 'a,b'.replace(',', ';') == 'a;b' && 'abc'.charAt(1) == 'b' && ' x '.trim() == 'x'",
      true,
    ],
    ["'abc-123'.find('[0-9]+') == '123' && 'a1b2'.findAll('[0-9]') == ['1', '2']", true],
    ['[1, 2, 3].isSorted() && [3, 1, 2].sum() == 6 && [3, 1, 2].min() == 1 && [3, 1, 2].max() == 3', true],
    [
      '[1, 2, 3].all(x, x > 0) && [1, 2, 3].exists_one(x, x == 2) && [1, 2, 3].filter(x, x > 1).map(x, x * 2) == [4, 6]',
      true,
    ],
    ["duration('1h30m') > duration('90s') && duration('5ms') > duration('0s')", true],
    ["'abc'.matches('^a.c$')", true],
  ])('%s', (expr, want) => {
    expect(run(expr)).toBe(want);
  });

  it('runs has() on index expressions (rewritten for cel-js)', () => {
    const rule = "size(self.matches) != 1 || !has(self.matches[0].path) || self.matches[0].path.type == 'PathPrefix'";
    expect(run(rule, { matches: [{ path: { type: 'Exact' } }] })).toBe(false);
    expect(run(rule, { matches: [{}] })).toBe(true);
    expect(rewriteHasMacros("has(self.a) && has(self.b[0].c) && 'has(x[0].y)' != ''")).toBe(
      "has(self.a) && cel.bind(hasbind0, self.b[0], has(hasbind0.c)) && 'has(x[0].y)' != ''",
    );
  });

  it('raises "no such key" on a missing field', () => {
    expect(() => run('size(self.certificateRefs) > 0', {})).toThrow(/no such key/i);
  });
});

describe('helpers', () => {
  it('escapes property names as Kubernetes does', () => {
    expect(escapeCelProperty('namespace')).toBe('__namespace__');
    expect(escapeCelProperty('if')).toBe('__if__');
    expect(escapeCelProperty('max-surge')).toBe('max__dash__surge');
    expect(escapeCelProperty('a.b/c')).toBe('a__dot__b__slash__c');
    expect(escapeCelProperty('a__b')).toBe('a__underscores__b');
    expect(escapeCelProperty('plain')).toBe('plain');
  });

  it('suggests close field names', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(didYouMean('hostnme', ['hostname', 'port'])).toBe('hostname');
    expect(didYouMean('PORT', ['hostname', 'port'])).toBe('port');
    expect(didYouMean('zzzzzz', ['hostname', 'port'])).toBeUndefined();
  });

  it('checks the formats the API server checks, and only those', () => {
    expect(checkFormat('ipv4', '10.0.0.1')).toBe(true);
    expect(checkFormat('ipv4', '10.0.0')).toBe(false);
    expect(checkFormat('date-time', '2026-01-01T00:00:00Z')).toBe(true);
    expect(checkFormat('date-time', 'tomorrow')).toBe(false);
    expect(checkFormat('byte', 'aGVsbG8=')).toBe(true);
    expect(checkFormat('byte', 'not base64!')).toBe(false);
    expect(checkFormat('int32', 'x')).toBeUndefined();
  });

  it('parses quantities exactly', () => {
    expect(parseQuantity('1Ki')?.nanos).toBe(1024n * 1_000_000_000n);
    expect(parseQuantity('100m')?.nanos).toBe(100_000_000n);
    expect(parseQuantity('1e3')?.nanos).toBe(1000n * 1_000_000_000n);
    expect(parseQuantity('1.2.3')).toBeUndefined();
  });
});

describe('library errors on bad input', () => {
  it('are CEL runtime errors (the API server rejects), not unevaluable rules', () => {
    try {
      run("quantity('12MB').isInteger()");
      expect.unreachable();
    } catch (err) {
      expect((err as { code?: string }).code).toBe('invalid_argument');
    }
  });
});

describe('diagnostic code documentation', () => {
  it('documents every code that src/validate/{schema,crds,builtin} emits', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { SCHEMA_DIAGNOSTIC_CODES } = await import('../../../src/validate/schema/index.js');
    const root = join(import.meta.dirname, '..', '..', '..', 'src', 'validate');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith('codes.ts')) files.push(p);
      }
    };
    for (const d of ['schema', 'crds', 'builtin']) walk(join(root, d));
    const used = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/'((?:schema|cel|crds|secret)\/[a-z-]+)'/g)) used.add(m[1]);
    }
    expect([...used].filter((c) => !(c in SCHEMA_DIAGNOSTIC_CODES))).toEqual([]);
  });
});
