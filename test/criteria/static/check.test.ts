import { describe, expect, it } from 'vitest';
import { check } from '../../../src/core/check.js';
import type { StaticReport } from '../../../src/criteria/static/index.js';
import { FIXED_NOW, fixedTls } from '../../helpers/tls.js';

const EXAMPLE = 'examples/task-api/traffic-spec.md';
const TUTORIAL = 'test/fixtures/criteria-static/tutorial.yaml';

const byId = (r: StaticReport | undefined, id: string) => {
  const c = r?.criteria.find((x) => x.id === id);
  if (!c) throw new Error(`no ${id}`);
  return c;
};

describe('check: the Task API example', async () => {
  const r = await check({ specPath: EXAMPLE }, { tlsMaterial: fixedTls, now: FIXED_NOW });

  it('every criterion SC-001…SC-007 is proved or needs-live', () => {
    expect(r.ok).toBe(true);
    expect(r.report?.criteria.map((c) => c.id)).toEqual([
      'SC-001',
      'SC-002',
      'SC-003',
      'SC-004',
      'SC-005',
      'SC-006',
      'SC-007',
    ]);
    for (const c of r.report?.criteria ?? [])
      expect(['proved', 'needs-live'], `${c.id}: ${c.evidence}`).toContain(c.verdict);
  });

  it('SC-001: 200, with listener, route, rule and backend, and the reachability note', () => {
    const c = byId(r.report, 'SC-001');
    expect(c.verdict).toBe('proved');
    expect(c.checks[0].predicted).toMatchObject({ status: 200, backend: 'task-api/task-api' });
    expect(c.evidence).toContain(
      'listener http → HTTPRoute task-api/task-api-route rule 0 match 0 → Service task-api/task-api',
    );
    expect(c.evidence).toContain('depends on a port-forward or LoadBalancer');
  });

  it('SC-002: 100 × 200, 10 × 429 for one user and 10 × 200, 5 × 429 anonymously', () => {
    const c = byId(r.report, 'SC-002');
    expect(c.verdict).toBe('proved');
    expect(c.checks.map((k) => k.predicted)).toEqual([
      { counts: { 200: 100, 429: 10 } },
      { counts: { 200: 10, 429: 5 } },
    ]);
    expect(c.checks[0].explanation).toContain('x-user-id=test');
  });

  it('SC-003: the https listener terminates with the Secret of the stack, covering localhost', () => {
    const c = byId(r.report, 'SC-003');
    expect(c.verdict).toBe('proved');
    expect(c.checks.map((k) => k.kind)).toEqual(['http', 'tls']);
    expect(c.checks[1].predicted).toMatchObject({ secret: 'task-api/task-api-tls', coversHost: true, inDate: true });
  });

  it('SC-004 MIN/MAX from the spec, READY needs a cluster; SC-005 reaches task-api-v1; SC-006 names the field path', () => {
    const so = byId(r.report, 'SC-004');
    expect(so.verdict).toBe('needs-live');
    expect(so.checks[0].predicted).toEqual({ READY: null, MIN: '1', MAX: '10' });
    const v1 = byId(r.report, 'SC-005');
    expect(v1.verdict).toBe('needs-live');
    expect(v1.checks[0].predicted).toEqual({ status: 200, backends: ['task-api/task-api-v1'] });
    const cb = byId(r.report, 'SC-006');
    expect(cb.verdict).toBe('proved');
    expect(cb.evidence).toContain('maxConnections: 50 found at spec.circuitBreaker.maxConnections');
    expect(cb.evidence).toMatch(/from 26 concurrent requests on, overflow gets 503 with x-envoy-overloaded/);
    expect(byId(r.report, 'SC-007').verdict).toBe('needs-live');
  });

  it('a dry-run hook decides SC-007', async () => {
    const ok = await check(
      { specPath: EXAMPLE },
      { tlsMaterial: fixedTls, now: FIXED_NOW, validate: () => ({ ok: true, summary: '7 objects valid' }) },
    );
    expect(byId(ok.report, 'SC-007').verdict).toBe('proved');
    const bad = await check(
      { specPath: EXAMPLE },
      { tlsMaterial: fixedTls, now: FIXED_NOW, validate: () => ({ ok: false, summary: 'spec.x: unknown field' }) },
    );
    expect(byId(bad.report, 'SC-007').verdict).toBe('violated');
  });

  it('with 2 Envoy replicas the per-user limit doubles (local limits are per replica)', async () => {
    const two = await check({ specPath: EXAMPLE, envoyReplicas: 2 }, { tlsMaterial: fixedTls, now: FIXED_NOW });
    const c = byId(two.report, 'SC-002');
    expect(c.verdict).toBe('violated');
    expect(c.checks[0].predicted).toEqual({ counts: { 200: 110 } });
  });
});

describe('check: the tutorial manifests', async () => {
  const r = await check({ specPath: EXAMPLE, configPaths: [TUTORIAL] }, { now: FIXED_NOW });

  it('SC-001 is violated: no route for /api/tasks → 404', () => {
    const c = byId(r.report, 'SC-001');
    expect(r.ok).toBe(false);
    expect(c.verdict).toBe('violated');
    expect(c.checks[0].predicted).toEqual({ status: 404 });
    expect(c.evidence).toContain('no route rule on listener http matches GET localhost/api/tasks');
  });

  it('SC-002 is violated: the authenticated user gets 10 × 200, 100 × 429 (literal "*" and the inverted rule)', () => {
    const c = byId(r.report, 'SC-002');
    expect(c.verdict).toBe('violated');
    expect(c.checks[0].predicted).toEqual({
      counts: { 404: 110 },
      onceRouted: {
        route: 'task-api/task-api-route',
        policy: 'task-api/task-api-ratelimit',
        counts: { 200: 10, 429: 100 },
      },
    });
    const why = c.checks[0].explanation;
    expect(why).toContain('gives 10 × 200, 100 × 429');
    expect(why).toContain('"*" is not a wildcard');
    expect(why).toMatch(/rule 0 \[x-user-id == "\*".*does not match/);
    expect(why).toMatch(
      /rule 1 \[x-user-id != "\*".*header absent included.*matches \(one bucket shared by every matching request\)/,
    );
  });

  it('the other criteria: SC-005 still reaches v1, SC-006 names another policy, nothing is proved', () => {
    expect(byId(r.report, 'SC-005').verdict).toBe('needs-live');
    const cb = byId(r.report, 'SC-006');
    expect(cb.verdict).toBe('violated');
    expect(cb.evidence).toContain('the stack has BackendTrafficPolicy task-api/task-api-ratelimit');
    expect(r.report?.summary).toEqual({ proved: 0, violated: 4, 'needs-live': 3, manual: 0 });
    expect(r.report?.assumptions.join('\n')).toContain(
      'Secret task-api/task-api-tls is not in the stack nor declared anywhere',
    );
  });
});

describe('check: inputs', () => {
  it('an unreadable config is an input error', async () => {
    const r = await check({ specPath: EXAMPLE, configPaths: ['test/fixtures/criteria-static/nope.yaml'] });
    expect(r.inputError).toBe(true);
    expect(r.diagnostics[0].code).toBe('input/unreadable');
  });
  it('an unreadable spec is an input error', async () => {
    const r = await check({ specPath: 'nope.md', configPaths: [TUTORIAL] });
    expect(r.inputError).toBe(true);
  });
});
