import { describe, expect, it } from 'vitest';
import type { RateLimitRequest } from '../../../src/simulate/policy/index.js';
import { formatCounts, simulateRateLimit, statusCounts } from '../../../src/simulate/policy/index.js';

type Rule = Record<string, unknown>;
const local = (...rules: Rule[]) => ({ rateLimit: { local: { rules } } });
const global = (...rules: Rule[]) => ({ rateLimit: { global: { rules } } });
const hdr = (name: string, extra: Record<string, unknown> = {}) => ({
  clientSelectors: [{ headers: [{ name, ...extra }] }],
});
const burst = (n: number, headers: Record<string, string> = {}, route = 'r1', t = 0): RateLimitRequest[] =>
  Array.from({ length: n }, () => ({ t, headers, route }));
const counts = (p: Parameters<typeof simulateRateLimit>[0], reqs: RateLimitRequest[], o = {}) =>
  formatCounts(statusCounts(simulateRateLimit(p, reqs, o)));

const tutorial = local(
  { ...hdr('x-user-id', { value: '*' }), limit: { requests: 100, unit: 'Minute' } },
  { ...hdr('x-user-id', { value: '*', invert: true }), limit: { requests: 10, unit: 'Minute' } },
);
const correct = local(
  { ...hdr('x-user-id', { type: 'Distinct' }), limit: { requests: 100, unit: 'Minute' } },
  {
    ...hdr('x-user-id', { type: 'RegularExpression', value: '.*', invert: true }),
    limit: { requests: 10, unit: 'Minute' },
  },
);

describe('simulateRateLimit: local rules', () => {
  it.each([
    ['Distinct: a real user gets its own 100/min', correct, burst(110, { 'x-user-id': 'test' }), '100 × 200, 10 × 429'],
    ['inverted regex: anonymous callers share 10/min', correct, burst(15), '10 × 200, 5 × 429'],
    [
      'literal "*": a real user falls into the inverted rule (10/min)',
      tutorial,
      burst(110, { 'x-user-id': 'test' }),
      '10 × 200, 100 × 429',
    ],
    [
      'literal "*": only x-user-id: * reaches the 100/min rule',
      tutorial,
      burst(110, { 'x-user-id': '*' }),
      '100 × 200, 10 × 429',
    ],
    ['invert matches an absent header', tutorial, burst(15), '10 × 200, 5 × 429'],
    [
      'no matching rule and no default rule: unlimited',
      local({ ...hdr('x-a', { value: '1' }), limit: { requests: 1, unit: 'Minute' } }),
      burst(50),
      '50 × 200',
    ],
  ])('%s', (_, policy, reqs, want) => expect(counts(policy, reqs)).toBe(want));

  it('Distinct keys one bucket per value; an absent header means the rule does not apply', () => {
    const p = local(
      { ...hdr('x-user-id', { type: 'Distinct' }), limit: { requests: 2, unit: 'Minute' } },
      { limit: { requests: 1, unit: 'Minute' } },
    );
    const reqs = [...burst(3, { 'x-user-id': 'a' }), ...burst(3, { 'x-user-id': 'b' }), ...burst(2)];
    const d = simulateRateLimit(p, reqs);
    expect(d.map((x) => x.status)).toEqual([200, 200, 429, 200, 200, 429, 200, 429]);
    expect(d[2].decidedBy?.bucket).toBe('local r1 rule 0 x-user-id=a replica 0');
    expect(d[7].decidedBy?.rule).toBe('default');
  });

  it('Distinct uses the first value of a repeated header', () => {
    const p = local({ ...hdr('x-user-id', { type: 'Distinct' }), limit: { requests: 1, unit: 'Minute' } });
    const d = simulateRateLimit(p, [
      { t: 0, route: 'r', headers: { 'x-user-id': ['a', 'b'] } },
      { t: 0, route: 'r', headers: { 'x-user-id': 'a' } },
    ]);
    expect(d.map((x) => x.status)).toEqual([200, 429]);
  });

  it('the default bucket is consumed only by requests that match no other rule', () => {
    const p = local(
      { ...hdr('x-vip', { value: 'yes' }), limit: { requests: 100, unit: 'Minute' } },
      { limit: { requests: 3, unit: 'Minute' } },
    );
    const d = simulateRateLimit(p, [...burst(5, { 'x-vip': 'yes' }), ...burst(4)]);
    expect(d.map((x) => x.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
    expect(d[0].consumed.map((c) => c.rule)).toEqual([0]);
    expect(d[5].consumed.map((c) => c.rule)).toEqual(['default']);
  });

  it('strictest first: every matching bucket takes a token until one refuses; later ones are untouched', () => {
    const p = local(
      { ...hdr('x-a', { value: '1' }), limit: { requests: 2, unit: 'Minute' } },
      { clientSelectors: [{ methods: [{ value: 'GET' }] }], limit: { requests: 5, unit: 'Minute' } },
    );
    const d = simulateRateLimit(p, [...burst(3, { 'x-a': '1' }), ...burst(4)]);
    expect(d.map((x) => x.status)).toEqual([200, 200, 429, 200, 200, 200, 429]);
    expect(d[0].consumed.map((c) => c.rule)).toEqual([0, 1]);
    expect(d[2].decidedBy?.rule).toBe(0);
    expect(d[2].consumed).toEqual([]); // refused by the strictest, the looser bucket keeps its token
  });

  it('continuous refill: 100/min gives one token every 600 ms; interval refill waits for the whole minute', () => {
    const p = local({ limit: { requests: 100, unit: 'Minute' } });
    const reqs = [...burst(101), { t: 599, route: 'r1' }, { t: 600, route: 'r1' }, { t: 60_000, route: 'r1' }];
    expect(
      simulateRateLimit(p, reqs)
        .map((x) => x.status)
        .slice(100),
    ).toEqual([429, 429, 200, 200]);
    expect(
      simulateRateLimit(p, reqs, { refill: 'interval' })
        .map((x) => x.status)
        .slice(100),
    ).toEqual([429, 429, 429, 200]);
  });

  it('local buckets are per route and per replica (round robin by default)', () => {
    const p = local({ limit: { requests: 10, unit: 'Minute' } });
    expect(counts(p, [...burst(15, {}, 'a'), ...burst(15, {}, 'b')])).toBe('20 × 200, 10 × 429');
    expect(counts(p, burst(30), { envoyReplicas: 2 })).toBe('20 × 200, 10 × 429');
    expect(counts(p, burst(30), { envoyReplicas: 2, replicaOf: () => 1 })).toBe('10 × 200, 20 × 429');
  });

  it('methods are ORed, selectors ANDed, path prefix is segment-aware, sourceCIDR Distinct per IP', () => {
    const p = local(
      {
        clientSelectors: [{ methods: [{ value: 'POST' }, { value: 'PUT' }] }, { path: { value: '/api' } }],
        limit: { requests: 1, unit: 'Minute' },
      },
      {
        clientSelectors: [{ sourceCIDR: { type: 'Distinct', value: '10.0.0.0/8' } }],
        limit: { requests: 1, unit: 'Hour' },
      },
    );
    const r = (method: string, path: string, sourceIP = '192.168.0.1'): RateLimitRequest => ({
      t: 0,
      route: 'r',
      method,
      path,
      sourceIP,
    });
    const d = simulateRateLimit(p, [
      r('PUT', '/api/x'),
      r('POST', '/api'),
      r('POST', '/apix'),
      r('GET', '/api', '10.1.1.1'),
      r('GET', '/api', '10.1.1.2'),
      r('GET', '/', '10.1.1.1'),
    ]);
    expect(d.map((x) => x.status)).toEqual([200, 429, 200, 200, 200, 429]);
  });

  it('an invalid policy answers 500: unit not a multiple of the default, two default rules, Distinct with invert', () => {
    for (const p of [
      local(
        { limit: { requests: 10, unit: 'Minute' } },
        { ...hdr('x', { type: 'Distinct' }), limit: { requests: 1, unit: 'Second' } },
      ),
      local({ limit: { requests: 10, unit: 'Minute' } }, { limit: { requests: 1, unit: 'Minute' } }),
      local({ ...hdr('x', { type: 'Distinct', invert: true }), limit: { requests: 1, unit: 'Minute' } }),
      local({ ...hdr('x', { type: 'Distinct', value: 'a' }), limit: { requests: 1, unit: 'Minute' } }),
    ]) {
      const [d] = simulateRateLimit(p, burst(1));
      expect(d.status).toBe(500);
      expect(d.reason).toMatch(/invalid/);
    }
  });
});

describe('simulateRateLimit: global rules', () => {
  it('fixed windows aligned to the unit: a burst at 59.9 s and one at 60 s both get the full limit', () => {
    const p = global({ limit: { requests: 5, unit: 'Minute' } });
    expect(counts(p, [...burst(6, {}, 'r', 59_900), ...burst(6, {}, 'r', 60_000)])).toBe('10 × 200, 2 × 429');
  });

  it('every matching rule counts, even when another refuses the request', () => {
    const p = global(
      { ...hdr('x-user-id', { type: 'Distinct' }), limit: { requests: 3, unit: 'Minute' } },
      { limit: { requests: 4, unit: 'Minute' } },
    );
    const d = simulateRateLimit(p, [...burst(4, { 'x-user-id': 'a' }), ...burst(1, { 'x-user-id': 'b' })]);
    expect(d.map((x) => x.status)).toEqual([200, 200, 200, 429, 429]);
    expect(d[3].decidedBy?.rule).toBe(0);
    expect(d[4].decidedBy?.rule).toBe(1); // the 4 requests of a filled the selector-less rule
  });

  it('buckets are per route unless shared, and shared across replicas', () => {
    const per = global({ limit: { requests: 5, unit: 'Minute' } });
    const shared = global({ limit: { requests: 5, unit: 'Minute' }, shared: true });
    const reqs = [...burst(5, {}, 'a'), ...burst(5, {}, 'b')];
    expect(counts(per, reqs, { envoyReplicas: 3 })).toBe('10 × 200');
    expect(counts(shared, reqs, { envoyReplicas: 3 })).toBe('5 × 200, 5 × 429');
  });

  it('without the rate-limit service a global policy is invalid (500)', () => {
    expect(counts(global({ limit: { requests: 5, unit: 'Minute' } }), burst(2), { rateLimitService: false })).toBe(
      '2 × 500',
    );
  });

  it('local runs first; a request refused locally is not counted globally', () => {
    const p = {
      rateLimit: {
        local: { rules: [{ limit: { requests: 2, unit: 'Minute' } }] },
        global: { rules: [{ limit: { requests: 3, unit: 'Minute' } }] },
      },
    };
    const d = simulateRateLimit(p, burst(4), { envoyReplicas: 2 });
    expect(d.map((x) => x.status)).toEqual([200, 200, 200, 429]);
    expect(d[3].decidedBy?.scope).toBe('global');
  });

  it('type: Local ignores the global block', () => {
    const p = {
      rateLimit: {
        type: 'Local',
        local: { rules: [{ limit: { requests: 9, unit: 'Minute' } }] },
        global: { rules: [{ limit: { requests: 1, unit: 'Minute' } }] },
      },
    };
    expect(counts(p, burst(3))).toBe('3 × 200');
  });
});
