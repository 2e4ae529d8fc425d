import { describe, expect, it } from 'vitest';
import { adjustExpectation, BucketLedger, waitSeconds } from '../../../src/criteria/live/index.js';

describe('adjustExpectation', () => {
  it.each([
    // declared, count, already consumed → counts, adjusted
    [{ '429': 10 }, 110, 0, { '429': 10 }, false],
    [{ '429': 10 }, 110, 3, { '429': 13 }, true],
    [{ '200': 10, '429': 5 }, 15, 3, { '200': 7, '429': 8 }, true],
    [{ '200': 10, '429': 5 }, 15, 12, { '200': 0, '429': 15 }, true],
    [{ '200': 5 }, 5, 3, { '200': 5 }, false], // no 429 expected: not a limit, nothing to adjust
  ])('%j of %i after %i', (declared, count, used, counts, adjusted) => {
    const r = adjustExpectation(declared, count, used);
    expect(r.counts).toEqual(counts);
    expect(r.adjusted).toBe(adjusted);
  });

  it('uses a known limit when the expectation lists no 429', () => {
    expect(adjustExpectation({ '200': 5 }, 5, 8, 10).counts).toEqual({ '200': 2, '429': 3 });
  });
});

describe('waitSeconds', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    [{ 'retry-after': '17' }, 17, /Retry-After/],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }, 30, /Retry-After/],
    [{ 'x-ratelimit-reset': '42' }, 42, /x-ratelimit-reset/],
    [{ 'x-ratelimit-reset': String(now / 1000 + 5) }, 5, /x-ratelimit-reset/],
    [{}, 60, /60 s limit window/],
  ])('%j → %i s', (headers, seconds, from) => {
    const w = waitSeconds(headers, 60, now);
    expect(w.seconds).toBe(seconds);
    expect(w.from).toMatch(from);
  });
});

describe('BucketLedger', () => {
  it('keys buckets by identity header, scoped as configured', () => {
    const g = new BucketLedger();
    expect(g.bucketOf('http://a:1/x', { 'X-User-Id': 'test' }).bucket).toBe('x-user-id=test');
    expect(g.bucketOf('https://b:2/y', {}).bucket).toBe('anonymous');
    const r = new BucketLedger({ scope: 'route' });
    expect(r.bucketOf('http://a:1/x?q', {}).bucket).toBe('http://a:1/x anonymous');
  });
  it('counts only token-taking requests inside the window', () => {
    const l = new BucketLedger({ perKey: { anonymous: { windowSeconds: 10 } } });
    l.record('anonymous', { at: 0, status: 200, by: 'SC-001' });
    l.record('anonymous', { at: 9_000, status: 200, by: 'SC-003' });
    l.record('anonymous', { at: 9_500, status: 429, by: 'SC-005' });
    l.record('anonymous', { at: 9_600, status: 0, by: 'SC-005' });
    expect(l.consumed('anonymous', 'anonymous', 12_000).map((e) => e.by)).toEqual(['SC-003']);
  });
});
