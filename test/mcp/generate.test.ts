import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { connect, TASK_API } from './helpers.js';

let c: Awaited<ReturnType<typeof connect>>;
beforeAll(async () => {
  c = await connect();
});
afterAll(() => c.close());

type Out = {
  ok: boolean;
  yaml: string;
  resources: string[];
  diagnostics: { code: string; severity: string; path?: string }[];
};
const call = async (name: string, args: Record<string, unknown>) => {
  const r = await c.client.callTool({ name, arguments: args });
  return { r, out: r.structuredContent as Out, text: (r.content as { text: string }[])[0].text };
};
const kinds = (yaml: string) => parseAllDocuments(yaml).map((d) => (d.toJS() as { kind: string }).kind);

describe('generate_stack', () => {
  it('generates the Task API stack from its markdown spec with zero errors, Secret redacted', async () => {
    const { r, out, text } = await call('generate_stack', { specPath: TASK_API });
    expect(r.isError).toBeFalsy();
    expect(out.ok).toBe(true);
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(kinds(out.yaml)).toEqual([
      'Namespace',
      'Secret',
      'Gateway',
      'HTTPRoute',
      'BackendTrafficPolicy',
      'ScaledObject',
    ]);
    expect(out.resources).toContain('Gateway task-api/task-api-gateway');
    expect(out.yaml).toContain('<redacted>');
    expect(out.yaml).not.toMatch(/BEGIN|LS0tLS1CRUdJTi/); // no PEM, plain or base64
    expect(text).toMatch(/^generate_stack: 6 resource\(s\)/);
  });

  it('takes the spec as an object', async () => {
    const { out } = await call('generate_stack', {
      spec: { app: 'shop', namespace: 'shop', services: [{ name: 'shop', port: 8080 }] },
    });
    expect(out.ok).toBe(true);
    expect(kinds(out.yaml)).toEqual(['Namespace', 'Gateway', 'HTTPRoute']);
  });

  it('answers spec problems as isError with diagnostics (path and code)', async () => {
    const { r, out } = await call('generate_stack', { specPath: 'test/fixtures/mcp/bad-backend.yaml' });
    expect(r.isError).toBe(true);
    expect(out.ok).toBe(false);
    expect(out.diagnostics[0]).toMatchObject({
      severity: 'error',
      path: expect.stringContaining('routes[0].rules[0]'),
    });
  });

  it('reports an unreadable spec file as an input diagnostic, not a crash', async () => {
    const { r, out } = await call('generate_stack', { specPath: 'does/not/exist.yaml' });
    expect(r.isError).toBe(true);
    expect(out.diagnostics[0].code).toBe('input/unreadable');
  });

  it('asks for spec or specPath when given neither', async () => {
    const { r, out } = await call('generate_stack', {});
    expect(r.isError).toBe(true);
    expect(out.diagnostics[0].code).toBe('input/missing');
  });

  it('rejects arguments that break the schema before running', async () => {
    const r = await c.client.callTool({
      name: 'generate_stack',
      arguments: { spec: { app: 'Not A Label', namespace: 'x', services: [] } },
    });
    expect(r.isError).toBe(true);
    expect((r.content as { text: string }[])[0].text).toMatch(/Input validation error/);
  });
});

describe('single-part generators', () => {
  it('generate_gateway: HTTP + HTTPS listeners referencing the TLS Secret', async () => {
    const { out } = await call('generate_gateway', { app: 'shop', namespace: 'shop', tls: { mode: 'self-signed' } });
    expect(out.ok).toBe(true);
    expect(kinds(out.yaml)).toEqual(['Gateway']);
    expect(out.yaml).toContain('name: shop-tls');
    expect(out.yaml).toContain('protocol: HTTPS');
  });

  it('generate_httproute: versioned paths to their services', async () => {
    const { out } = await call('generate_httproute', {
      app: 'api',
      namespace: 'api',
      services: [
        { name: 'api-v1', port: 8000 },
        { name: 'api-v2', port: 8000 },
      ],
      routes: [
        {
          rules: [
            { path: '/v1', backend: 'api-v1' },
            { path: '/v2', backend: 'api-v2' },
          ],
        },
      ],
    });
    expect(out.ok).toBe(true);
    expect(kinds(out.yaml)).toEqual(['HTTPRoute']);
    expect(out.yaml).toMatch(/value: \/v2[\s\S]*name: api-v2/);
  });

  it('generate_httproute: a backend outside services is an error', async () => {
    const { r } = await call('generate_httproute', {
      app: 'api',
      namespace: 'api',
      services: [{ name: 'a', port: 1 }],
      routes: [{ rules: [{ backend: 'b' }] }],
    });
    expect(r.isError).toBe(true);
  });

  it('generate_ratelimit: Distinct per-user bucket and a headerAbsent tier, targeting the named route', async () => {
    const { out } = await call('generate_ratelimit', {
      app: 'task-api',
      namespace: 'task-api',
      routeName: 'task-api-route',
      rateLimit: {
        tiers: [
          { name: 'per-user', key: { header: 'x-user-id' }, limit: { requests: 100 } },
          { name: 'anon', match: { headerAbsent: 'x-user-id' }, limit: { requests: 10 } },
        ],
      },
    });
    expect(out.ok).toBe(true);
    expect(kinds(out.yaml)).toEqual(['BackendTrafficPolicy']);
    expect(out.yaml).toContain('name: task-api-route');
    expect(out.yaml).toContain('Distinct');
    expect(out.yaml).not.toContain('"*"');
  });

  it('generate_circuit_breaker: thresholds, retries and timeouts in one policy', async () => {
    const { out } = await call('generate_circuit_breaker', {
      app: 'a',
      namespace: 'a',
      circuitBreaker: { maxConnections: 50, maxPendingRequests: 5 },
      retry: { numRetries: 3 },
      timeouts: { request: '10s' },
    });
    expect(out.ok).toBe(true);
    const spec = (
      parseAllDocuments(out.yaml)[0].toJS() as {
        spec: { circuitBreaker: unknown; retry: { numRetries: number }; timeout: { http: { requestTimeout: string } } };
      }
    ).spec;
    expect(spec.circuitBreaker).toEqual({ maxConnections: 50, maxPendingRequests: 5 });
    expect(spec.retry.numRetries).toBe(3);
    expect(spec.timeout.http.requestTimeout).toBe('10s');
  });

  it('generate_tls: self-signed Secret with redacted key material', async () => {
    const { out, text } = await call('generate_tls', {
      app: 'a',
      namespace: 'a',
      tls: { mode: 'self-signed', hosts: ['a.example.com'] },
    });
    expect(kinds(out.yaml)).toEqual(['Secret']);
    expect(out.yaml).toContain('<redacted>');
    expect(text).not.toMatch(/PRIVATE KEY|LS0t/);
  });

  it('generate_tls: cert-manager Certificate and self-signed Issuer', async () => {
    const { out } = await call('generate_tls', {
      app: 'a',
      namespace: 'a',
      tls: { mode: 'cert-manager', createSelfSignedIssuer: true },
    });
    expect(kinds(out.yaml).sort()).toEqual(['Certificate', 'Issuer']);
  });

  it('generate_scaler: KEDA ScaledObject with a prometheus trigger', async () => {
    const { out } = await call('generate_scaler', {
      app: 'a',
      namespace: 'a',
      autoscaling: {
        minReplicas: 1,
        maxReplicas: 5,
        triggers: [{ type: 'prometheus', serverAddress: 'http://prom:9090', threshold: 20 }],
      },
    });
    expect(out.ok).toBe(true);
    expect(kinds(out.yaml)).toEqual(['ScaledObject']);
  });

  it('generate_scaler: plain HPA cannot scale to zero (diagnostic, isError)', async () => {
    const { r } = await call('generate_scaler', {
      app: 'a',
      namespace: 'a',
      autoscaling: { engine: 'hpa', minReplicas: 0, triggers: [{ type: 'cpu', utilization: 70 }] },
    });
    expect(r.isError).toBe(true);
  });
});
