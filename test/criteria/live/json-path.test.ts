import { describe, expect, it } from 'vitest';
import { evalJqPath, jqValueMatches } from '../../../src/criteria/live/index.js';

const doc = { version: 'v1', data: { items: [{ id: 7 }, { id: 8 }] }, 'odd-key': true, n: null };

describe('evalJqPath', () => {
  it.each([
    ['.', doc],
    ['.version', 'v1'],
    ['.data.items[0].id', 7],
    ['.data.items[-1].id', 8],
    ['.data.items[5]', null],
    ['.missing', null],
    ['.missing.deeper', null],
    ['."odd-key"', true],
    ['.["odd-key"]', true],
    ['.n', null],
  ])('%s', (path, value) => {
    expect(evalJqPath(doc, path)).toEqual({ ok: true, value });
  });

  it.each([
    ['.version.x', /cannot index string/],
    ['.data[0]', /cannot index object with number/],
    ['version', /starts with "."/],
    ['.a | .b', /unsupported/],
  ])('%s is an error', (path, msg) => {
    const r = evalJqPath(doc, path);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(msg);
  });
});

describe('jqValueMatches', () => {
  it('compares JSON values, and accepts the JSON text of a string', () => {
    expect(jqValueMatches('v1', 'v1')).toBe(true);
    expect(jqValueMatches('v1', '"v1"')).toBe(true);
    expect(jqValueMatches(50, 50)).toBe(true);
    expect(jqValueMatches(50, '50')).toBe(true);
    expect(jqValueMatches({ a: [1] }, { a: [1] })).toBe(true);
    expect(jqValueMatches('v2', 'v1')).toBe(false);
    expect(jqValueMatches(null, 'v1')).toBe(false);
  });
});
