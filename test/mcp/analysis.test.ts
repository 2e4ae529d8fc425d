import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, TASK_API } from './helpers.js';

let c: Awaited<ReturnType<typeof connect>>;
beforeAll(async () => {
  c = await connect();
});
afterAll(() => c.close());

// Structured content is checked field by field below.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Loose = any;
const call = async (
  name: string,
  args: Record<string, unknown>,
): Promise<{ isError?: boolean; out: Loose; text: string }> => {
  const r = await c.client.callTool({ name, arguments: args });
  return {
    isError: r.isError as boolean | undefined,
    out: r.structuredContent,
    text: (r.content as { text: string }[])[0].text,
  };
};

describe('validate_manifests', () => {
  it('validates the stack of a spec: no errors, the spoofable-header lint among the warnings', async () => {
    const r = await call('validate_manifests', { specPath: TASK_API });
    expect(r.isError).toBeFalsy();
    expect(r.out.ok).toBe(true);
    expect(r.out.summary.errors).toBe(0);
    expect(r.out.diagnostics.map((d: { code: string }) => d.code)).toContain('lint/spoofable-identity-header');
  });

  it('catches the tutorial\'s literal "*" header match in pasted YAML (isError on errors only)', async () => {
    const yaml = `apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata: {name: p, namespace: a}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: r}]
  rateLimit:
    local:
      rules:
        - clientSelectors: [{headers: [{name: x-user-id, value: "*"}]}]
          limit: {requests: 100, unit: Minute}
`;
    const r = await call('validate_manifests', { yaml });
    const codes = r.out.diagnostics.map((d: { code: string }) => d.code);
    expect(codes).toContain('lint/exact-star-header');
    expect(r.out.coverage).toBeDefined();
    expect(!!r.isError).toBe(r.out.summary.errors > 0);
  });

  it('needs something to validate', async () => {
    const r = await call('validate_manifests', {});
    expect(r.isError).toBe(true);
  });
});

describe('simulate_requests', () => {
  it("routes URLs through the spec's external URLs: versions to their services, unknown paths 404", async () => {
    const r = await call('simulate_requests', {
      specPath: TASK_API,
      requests: [
        { url: 'http://localhost:8080/api/v1/tasks' },
        { url: 'https://localhost:8443/api/tasks' },
        { url: 'http://localhost:8080/api/v10' },
      ],
    });
    expect(r.isError).toBeFalsy();
    const [v1, tls, miss] = r.out.results;
    expect(v1).toMatchObject({ status: 200, backend: 'task-api/task-api-v1', listener: 'http' });
    expect(tls).toMatchObject({ status: 200, backend: 'task-api/task-api', listener: 'https' });
    expect(miss.status).toBe(404);
    expect(miss.reason).toMatch(/no route rule/);
    expect(r.out.assumptions.length).toBeGreaterThan(0);
  });

  it('takes raw requests (listener port and scheme)', async () => {
    const r = await call('simulate_requests', {
      specPath: TASK_API,
      requests: [{ scheme: 'http', port: 80, path: '/api/v2/x' }],
    });
    expect(r.out.results[0]).toMatchObject({ status: 200, backend: 'task-api/task-api-v2' });
  });

  it('reports a spec that does not generate as isError', async () => {
    const r = await call('simulate_requests', {
      specPath: 'test/fixtures/mcp/bad-backend.yaml',
      requests: [{ url: 'http://x/' }],
    });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/could not load the stack: .*nowhere/);
  });
});

describe('validate_criteria (static)', () => {
  it('decides the Task API criteria from the config: nothing violated, live-only ones marked', async () => {
    const r = await call('validate_criteria', { specPath: TASK_API });
    expect(r.isError).toBeFalsy();
    expect(r.out.ok).toBe(true);
    const byId = Object.fromEntries(r.out.criteria.map((x: { id: string; verdict: string }) => [x.id, x.verdict]));
    expect(byId['SC-001']).toBe('proved');
    expect(byId['SC-002']).toBe('proved');
    expect(Object.values(byId)).not.toContain('violated');
    expect(Object.values(byId)).toContain('needs-live');
  });

  it('needs a spec', async () => {
    expect((await call('validate_criteria', {})).isError).toBe(true);
  });
});

describe('recommend', () => {
  it('turns answers into patterns, a valid spec fragment and a generate_stack call', async () => {
    const r = await call('recommend', {
      app: 'shop',
      namespace: 'shop',
      versions: [{ path: '/api/v1', service: 'shop-v1' }],
      perUserQuota: { perMinute: 100, anonymousPerMinute: 10 },
      overloadProtection: true,
      maxConcurrency: 25,
      tls: 'self-signed',
      scaling: 'request-rate',
      costSensitive: true,
    });
    expect(r.isError).toBeFalsy();
    expect(r.out.specValid).toBe(true);
    expect(r.out.spec.rateLimit.tiers[0]).toMatchObject({ key: { header: 'x-user-id' } });
    expect(r.out.spec.rateLimit.tiers[1]).toMatchObject({ match: { headerAbsent: 'x-user-id' } });
    expect(r.out.spec.autoscaling.minReplicas).toBe(0);
    expect(r.out.toolCalls[0].tool).toBe('generate_stack');
    const yes = r.out.patterns
      .filter((p: { answer: string }) => p.answer === 'yes')
      .map((p: { question: string }) => p.question);
    expect(yes).toEqual(
      expect.arrayContaining([
        'External access?',
        'Several API versions?',
        'Per-user quotas?',
        'TLS?',
        'Cost-sensitive?',
      ]),
    );
    // The fragment really generates.
    const g = await call('generate_stack', { spec: r.out.spec });
    expect(g.out.ok).toBe(true);
  });

  it('uses a global limit when there are several Envoy replicas, and says LLM traffic is out of scope', async () => {
    const r = await call('recommend', { perUserQuota: { perMinute: 5 }, envoyReplicas: 3, llmTraffic: true });
    expect(r.out.spec.rateLimit.scope).toBe('global');
    expect(r.out.notes.join(' ')).toMatch(/AI Gateway/);
  });
});

describe('troubleshoot', () => {
  it('maps a symptom to causes and checks with their tools', async () => {
    const r = await call('troubleshoot', { symptom: 'no-rate-limiting' });
    expect(r.out.title).toMatch(/No rate limiting/);
    expect(r.out.checks.map((x: { tool: string }) => x.tool)).toEqual([
      'validate_manifests',
      'cluster_status',
      'validate_criteria',
    ]);
    expect(r.out.codes).toContain('lint/exact-star-header');
  });

  it('finds the playbook from free text, and says which symptoms exist when nothing matches', async () => {
    expect((await call('troubleshoot', { description: 'every request returns 404' })).out.symptom).toBe(
      'not-found-404',
    );
    const none = await call('troubleshoot', { description: 'the printer is jammed' });
    expect(none.isError).toBe(true);
    expect(none.text).toMatch(/not-found-404/);
  });

  it('runs the offline checks on given manifests: the tutorial\'s literal "*" explains "no rate limiting"', async () => {
    const r = await call('troubleshoot', {
      symptom: 'no-rate-limiting',
      paths: ['test/fixtures/mcp/tutorial-ratelimit.yaml'],
    });
    expect(r.isError).toBeFalsy();
    const codes = r.out.findings.map((f: { code: string }) => f.code);
    expect(codes).toContain('lint/exact-star-header');
    expect(codes.every((c: string) => r.out.codes.some((k: string) => c.startsWith(k)))).toBe(true);
    expect(r.out.ran[0]).toMatch(/validated/);
  });

  it('reports an unreachable cluster as a step that failed, not as a tool error', async () => {
    const r = await call('troubleshoot', {
      symptom: 'not-found-404',
      specPath: TASK_API,
      context: 'nope',
      kubeconfig: '/nonexistent/kubeconfig',
    });
    expect(r.isError).toBeFalsy();
    expect(r.out.ran.join(' ')).toMatch(/cluster_status failed: .*kubeconfig/);
    expect(r.out.live).toEqual([]);
  });

  it('names only tools the server offers', async () => {
    const names = new Set((await c.client.listTools()).tools.map((t) => t.name));
    const { PLAYBOOKS } = await import('../../src/core/troubleshoot.js');
    for (const p of PLAYBOOKS) for (const k of p.checks) expect(names, k.tool).toContain(k.tool);
  });
});

describe('validate_criteria (live)', () => {
  it('runs against the running system; nothing listening → every HTTP criterion fails with evidence, not a crash', async () => {
    // Origins rewritten to a loopback port where nothing listens; no cluster context: object checks are skipped.
    const r = await call('validate_criteria', {
      mode: 'live',
      specPath: TASK_API,
      origin: ['http://localhost:8080=http://127.0.0.1:9', 'https://localhost:8443=https://127.0.0.1:9'],
    });
    expect(r.isError).toBe(true);
    expect(r.out.ok).toBe(false);
    const sc1 = r.out.criteria.find((x: { id: string }) => x.id === 'SC-001');
    expect(sc1.verdict).toBe('failed');
    expect(sc1.evidence).toMatch(/127\.0\.0\.1:9|refused|ECONNREFUSED/i);
  }, 60_000);

  it('reports a bad origin as an actionable error', async () => {
    const r = await call('validate_criteria', { mode: 'live', specPath: TASK_API, origin: ['nonsense'] });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/origin/i);
  });
});
