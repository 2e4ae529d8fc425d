import { describe, expect, it } from 'vitest';
import {
  hostMatches,
  intersectHostname,
  normalizeHost,
  routeHostnamesOnListener,
} from '../../../src/simulate/route/index.js';

describe('hostnames', () => {
  it.each([
    ['*.example.com', 'foo.example.com', true],
    ['*.example.com', 'foo.bar.example.com', true],
    ['*.example.com', 'example.com', false],
    ['foo.example.com', 'foo.example.com', true],
    ['foo.example.com', 'bar.example.com', false],
  ])('%s matches %s: %s', (p, h, want) => expect(hostMatches(p, h)).toBe(want));

  it.each([
    [undefined, undefined, '*'],
    [undefined, 'a.com', 'a.com'],
    ['a.com', undefined, 'a.com'],
    ['a.com', 'a.com', 'a.com'],
    ['a.com', 'b.com', null],
    ['*.example.com', 'x.example.com', 'x.example.com'],
    ['*.example.com', 'example.com', null],
    ['x.example.com', '*.example.com', 'x.example.com'],
    ['*.com', '*.example.com', '*.example.com'],
    ['*.example.com', '*.com', '*.example.com'],
    ['*.a.com', '*.b.com', null],
  ])('listener %s ∩ route %s = %s', (l, r, want) => expect(intersectHostname(l, r)).toBe(want));

  it('route hostnames that do not intersect are dropped for that listener', () => {
    expect(routeHostnamesOnListener('*.wildcard.io', ['wildcard.io', 'foo.wildcard.io', '*.bar.wildcard.io'])).toEqual([
      'foo.wildcard.io',
      '*.bar.wildcard.io',
    ]);
    expect(routeHostnamesOnListener('a.com', ['b.com'])).toEqual([]);
  });

  it('normalizes the Host header: lower-case, port stripped, IPv6 kept', () => {
    expect(normalizeHost('Very.Specific.com:1234')).toBe('very.specific.com');
    expect(normalizeHost('[::1]:8080')).toBe('[::1]');
    expect(normalizeHost('example.com.')).toBe('example.com');
  });
});
