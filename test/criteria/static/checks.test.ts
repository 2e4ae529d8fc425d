import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCriteria, combineVerdicts } from '../../../src/criteria/static/index.js';
import type { Manifest } from '../../../src/model/manifest.js';
import type { Check, Criterion } from '../../../src/spec/checks.js';
import type { TrafficPlan } from '../../../src/spec/plan/types.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const certPem = readFileSync('test/fixtures/tls/cert.pem', 'utf8'); // SANs localhost, task-api.example.com, *.example.com, 127.0.0.1
const b64 = (s: string) => Buffer.from(s).toString('base64');

const gateway = (listeners: Record<string, unknown>[]): Manifest => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'Gateway',
  metadata: { name: 'gw', namespace: 'app' },
  spec: { gatewayClassName: 'eg', listeners },
});
const http = { name: 'web', protocol: 'HTTP', port: 80 };
const https = {
  name: 'secure',
  protocol: 'HTTPS',
  port: 443,
  tls: { mode: 'Terminate', certificateRefs: [{ name: 'cert' }] },
};
const route = (rules: Record<string, unknown>[], name = 'r'): Manifest => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'HTTPRoute',
  metadata: { name, namespace: 'app' },
  spec: { parentRefs: [{ name: 'gw' }], rules },
});
const rule = (path: string, backend: string) => ({
  matches: [{ path: { type: 'PathPrefix', value: path } }],
  backendRefs: [{ name: backend, port: 80 }],
});
const secret: Manifest = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'cert', namespace: 'app' },
  type: 'kubernetes.io/tls',
  data: { 'tls.crt': b64(certPem), 'tls.key': b64('-----BEGIN PRIVATE KEY-----\nAA==\n-----END PRIVATE KEY-----\n') },
} as Manifest;
const btp = (spec: Record<string, unknown>, name = 'p'): Manifest => ({
  apiVersion: 'gateway.envoyproxy.io/v1alpha1',
  kind: 'BackendTrafficPolicy',
  metadata: { name, namespace: 'app' },
  spec: { targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'r' }], ...spec },
});
const get = (url: string, status = 200, extra: Partial<Check> = {}): Check =>
  ({ kind: 'http', method: 'GET', url, headers: {}, insecure: false, expect: { status }, ...extra }) as Check;
const crit = (...checks: Check[]): Criterion[] => [{ id: 'SC-001', title: 't', checks }];
const run = (checks: Check[], manifests: Manifest[], opts: Parameters<typeof checkCriteria>[2] = {}) =>
  checkCriteria(crit(...checks), manifests, { services: ['app/api', 'app/api-v1', 'app/api-v2'], now: NOW, ...opts })
    .criteria[0];

const stack = [
  gateway([http, https]),
  secret,
  route([rule('/api/v1', 'api-v1'), rule('/api/v2', 'api-v2'), rule('/', 'api')]),
];

describe('URL → listener', () => {
  it.each([
    ['the only HTTP listener, whatever the port', 'http://localhost:8080/', /the only HTTP listener/],
    ['the listener with the same port', 'http://localhost:80/', /same port 80 and protocol HTTP/],
  ])('%s', (_, url, how) => {
    const c = run([get(url)], stack);
    expect(c.verdict).toBe('proved');
    expect(c.evidence).toMatch(how);
  });

  it('externalUrls of the plan name the listener', () => {
    const plan = {
      namespace: 'app',
      gateway: { name: 'gw', envoyReplicas: 1 },
      externalUrls: [{ url: 'http://localhost:9999', listener: 'web2' }],
    } as unknown as TrafficPlan;
    const two = [gateway([http, { ...http, name: 'web2', port: 81 }]), route([rule('/', 'api')])];
    const c = run([get('http://localhost:9999/')], two, { plan });
    expect(c.evidence).toContain('listener web2 (port 81) per the spec');
    expect(run([get('http://localhost:8080/')], two).verdict).toBe('needs-live'); // two HTTP listeners, nothing says which
  });

  it('no HTTPS listener at all: violated', () => {
    const c = run([get('https://localhost:8443/')], [gateway([http]), route([rule('/', 'api')])]);
    expect(c.verdict).toBe('violated');
    expect(c.evidence).toContain('no HTTPS listener in the stack serves https://localhost:8443');
  });
});

describe('http checks', () => {
  it('a path no rule matches: 404 violated with the reason', () => {
    const c = run([get('http://localhost:8080/other')], [gateway([http]), route([rule('/api', 'api')])]);
    expect(c.verdict).toBe('violated');
    expect(c.checks[0].explanation).toContain('no route rule on listener web matches GET localhost/other');
  });

  it('an invalid policy on the route: 500 violated, with the translation error', () => {
    const bad = btp({
      rateLimit: {
        local: { rules: [{ limit: { requests: 1, unit: 'Minute' } }, { limit: { requests: 2, unit: 'Hour' } }] },
      },
    });
    const c = run([get('http://localhost:8080/api/v1')], [...stack, bad]);
    expect(c.checks[0].predicted).toMatchObject({ status: 500 });
    expect(c.checks[0].explanation).toContain('more than one rule without clientSelectors');
  });

  it('a Service neither in the stack nor declared: needs-live', () => {
    const c = run([get('http://localhost:8080/x')], [gateway([http]), route([rule('/', 'ghost')])]);
    expect(c.verdict).toBe('needs-live');
    expect(c.checks[0].explanation).toContain('if Service app/ghost exists');
  });

  it('a redirect is compared like any status', () => {
    const redirect = route([
      { filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] },
    ]);
    const c = run([get('http://localhost:8080/a', 301)], [gateway([http]), redirect]);
    expect(c.verdict).toBe('proved');
    expect(c.checks[0].explanation).toContain('redirect https://localhost/a');
  });
});

describe('json checks', () => {
  const json = (url: string, field: string, value: unknown): Check =>
    ({ kind: 'json', method: 'GET', url, headers: {}, insecure: false, field, expect: { value } }) as Check;
  it.each([
    ['reaches the *-v1 backend: needs-live (body)', '/api/v1/tasks', '.version', 'v1', 'needs-live'],
    ['reaches api-v2 when v1 is expected: violated', '/api/v2/tasks', '.version', 'v1', 'violated'],
    ['reaches a backend without a version: violated', '/tasks', '.version', 'v1', 'violated'],
    ['a field that is not a version: needs-live', '/tasks', '.status', 'ok', 'needs-live'],
  ])('%s', (_, path, field, value, verdict) =>
    expect(run([json(`http://localhost:8080${path}`, field, value)], stack).verdict).toBe(verdict),
  );
});

describe('tls checks', () => {
  it.each([
    ['covered host with -k: proved', 'https://localhost:8443/', true, 'proved'],
    ['covered host without -k: trust needs-live', 'https://task-api.example.com/', false, 'needs-live'],
    ['wildcard SAN one label deep', 'https://a.example.com/', true, 'proved'],
    ['host not covered without -k: violated', 'https://other.test/', false, 'violated'],
    ['host not covered with -k: curl does not verify, proved', 'https://other.test/', true, 'proved'],
  ])('%s', (_, url, insecure, verdict) => {
    const c = run([get(url, 200, { insecure } as Partial<Check>)], stack);
    const tls = c.checks.find((k) => k.kind === 'tls');
    expect(tls?.verdict, tls?.explanation).toBe(verdict);
  });

  it('an expired certificate is violated without -k', () => {
    const c = run([get('https://localhost:8443/')], stack, { now: new Date('2040-01-01T00:00:00Z') });
    expect(c.checks.find((k) => k.kind === 'tls')?.explanation).toContain('is not valid at 2040');
  });

  it('a Secret issued by cert-manager at runtime: needs-live when its Certificate lists the host, violated when not', () => {
    const cert = (dnsNames: string[]): Manifest => ({
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: { name: 'c', namespace: 'app' },
      spec: { secretName: 'cert', dnsNames },
    });
    const base = [gateway([https]), route([rule('/', 'api')])];
    const ok = run([get('https://localhost:8443/')], [...base, cert(['localhost'])]);
    expect(ok.checks.map((k) => k.verdict)).toEqual(['proved', 'needs-live']);
    expect(ok.checks[1].explanation).toContain('issued at runtime by Certificate app/c, which lists localhost');
    const bad = run([get('https://localhost:8443/')], [...base, cert(['example.org'])]);
    expect(bad.checks[1].verdict).toBe('violated');
  });
});

describe('burst checks', () => {
  const burst = (count: number, counts: Record<string, number>, headers: Record<string, string> = {}): Check =>
    ({
      kind: 'burst',
      method: 'GET',
      url: 'http://localhost:8080/api/v1',
      headers,
      insecure: false,
      count,
      expect: { counts },
    }) as Check;
  const global = btp({
    rateLimit: {
      global: {
        rules: [
          {
            clientSelectors: [{ headers: [{ name: 'x-user-id', type: 'Distinct' }] }],
            limit: { requests: 5, unit: 'Minute' },
          },
        ],
      },
    },
  });

  it('global per-user limit across replicas', () => {
    const c = run([burst(8, { 200: 5, 429: 3 }, { 'x-user-id': 'u' })], [...stack, global], { envoyReplicas: 3 });
    expect(c.verdict).toBe('proved');
    expect(c.checks[0].explanation).toContain('global rule 0');
  });

  it('global without the rate-limit service: every request 500', () => {
    const c = run([burst(8, { 200: 5, 429: 3 }, { 'x-user-id': 'u' })], [...stack, global], {
      rateLimitService: false,
    });
    expect(c.verdict).toBe('violated');
    expect(c.checks[0].predicted).toEqual({ counts: { 500: 8 } });
    expect(c.checks[0].explanation).toContain('enable Ratelimit in the EnvoyGateway config');
  });

  it('no policy: nothing is limited', () => {
    const c = run([burst(20, { 429: 10 })], stack);
    expect(c.checks[0].predicted).toEqual({ counts: { 200: 20 } });
    expect(c.checks[0].explanation).toContain('no BackendTrafficPolicy applies');
  });
});

describe('resource checks', () => {
  const res = (kind: string, name: string, expect: Record<string, unknown>): Check =>
    ({ kind: 'resource', resource: { kind, name, namespace: 'app' }, expect }) as Check;
  const so: Manifest = {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name: 'so', namespace: 'app' },
    spec: { maxReplicaCount: 5, triggers: [{ type: 'prometheus', metadata: { threshold: '10' } }] },
  };
  it.each([
    [
      'MIN not set shows blank',
      res('scaledobjects.keda.sh', 'so', { columns: { MIN: '1' } }),
      'violated',
      /MIN would show \(blank: not set\), expected 1/,
    ],
    [
      'MAX and TRIGGERS from the spec',
      res('so', 'so', { columns: { MAX: '5', TRIGGERS: 'prometheus' } }),
      'proved',
      /MAX = 5/,
    ],
    [
      'ACTIVE needs a cluster',
      res('scaledobject', 'so', { columns: { ACTIVE: 'True' } }),
      'needs-live',
      /ACTIVE comes from the object's status/,
    ],
    [
      'a field with another value',
      res('backendtrafficpolicy', 'p', { fields: [{ field: 'maxConnections', value: '50' }] }),
      'violated',
      /maxConnections is 10 at spec.circuitBreaker.maxConnections, expected 50/,
    ],
    [
      'a missing generated kind',
      res('scaledobject', 'nope', { columns: { MIN: '1' } }),
      'violated',
      /the stack has no ScaledObject app\/nope, so the command finds nothing after apply \(the stack has ScaledObject app\/so\)/,
    ],
    [
      "a Deployment is the app's, not the stack's",
      res('deploy', 'api', { columns: { READY: '1/1' } }),
      'needs-live',
      /not part of the stack/,
    ],
  ])('%s', (_, check, verdict, why) => {
    const c = run([check], [...stack, so, btp({ circuitBreaker: { maxConnections: 10 } })]);
    expect(c.verdict).toBe(verdict);
    expect(c.evidence).toMatch(why);
  });
});

describe('verdicts', () => {
  it('violated > manual > needs-live > proved', () => {
    expect(combineVerdicts(['proved', 'needs-live'])).toBe('needs-live');
    expect(combineVerdicts(['needs-live', 'manual'])).toBe('manual');
    expect(combineVerdicts(['manual', 'violated', 'proved'])).toBe('violated');
    expect(combineVerdicts(['proved'])).toBe('proved');
  });

  it('manual commands stay manual, with the command', () => {
    const c = run([{ kind: 'manual', command: 'hey -z 10s http://x', reason: 'unknown tool' } as Check], stack);
    expect(c.verdict).toBe('manual');
    expect(c.evidence).toContain('run `hey -z 10s http://x` by hand');
  });
});

describe('http checks and rate limits', () => {
  it('a limit of 0 refuses even the first request', () => {
    const zero = btp({ rateLimit: { local: { rules: [{ limit: { requests: 0, unit: 'Minute' } }] } } });
    const c = run([get('http://localhost:8080/api/v1')], [...stack, zero]);
    expect(c.verdict).toBe('violated');
    expect(c.checks[0].predicted).toMatchObject({ status: 429 });
    expect(c.checks[0].explanation).toContain('even a first request is refused (429)');
  });
});
