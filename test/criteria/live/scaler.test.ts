import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desiredReplicas, readScaledObjectTriggers, verifyCriteria } from '../../../src/criteria/live/index.js';
import { fakeCluster, taskApiObjects } from '../../fixtures/live/fake-cluster.js';

describe('desiredReplicas', () => {
  it.each([
    // value, threshold, activation, min, max → replicas
    [0, 50, 0, 1, 10, 1],
    [0, 50, 0, 0, 10, 0],
    [5, 50, 10, 0, 10, 0],
    [120, 50, 0, 1, 10, 3],
    [100, 50, 0, 1, 10, 2],
    [5000, 50, 0, 1, 10, 10],
    [1, 50, 0, 0, 10, 1],
  ])('%d / %d (activation %d) in [%d, %d] → %d', (v, t, a, min, max, want) => {
    expect(desiredReplicas(v, t, a, min, max)).toBe(want);
  });
});

// A Prometheus API answering one query (shape from the Prometheus HTTP API docs).
let prom: http.Server;
let promUrl: string;
const seen: string[] = [];
beforeAll(async () => {
  prom = http.createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams.get('query') ?? '';
    seen.push(q);
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        status: 'success',
        data: { resultType: 'vector', result: [{ metric: {}, value: [1, '137'] }] },
      }),
    );
  });
  await new Promise<void>((r) => prom.listen(0, '127.0.0.1', r));
  promUrl = `http://127.0.0.1:${(prom.address() as { port: number }).port}`;
});
afterAll(() => prom.close());

describe('readScaledObjectTriggers', () => {
  it('queries the trigger at its mapped address and derives replicas', async () => {
    const so = taskApiObjects()[0].object;
    const [r] = await readScaledObjectTriggers(so, { origins: { 'http://prometheus.monitoring.svc:9090': promUrl } });
    expect(r).toMatchObject({
      value: 137,
      threshold: 50,
      minReplicas: 1,
      maxReplicas: 10,
      desiredReplicas: 3,
      queriedAt: `${promUrl}/`,
    });
    expect(seen).toContain('sum(http_requests_total)');
  });

  it('reports an unreachable Prometheus as an error, not a throw', async () => {
    const [r] = await readScaledObjectTriggers(taskApiObjects('http://127.0.0.1:1')[0].object, { timeoutMs: 1000 });
    expect(r.error).toMatch(/ECONNREFUSED|refused/);
  });

  it('adds a prometheus check to ScaledObject resource checks', async () => {
    const criteria = [
      {
        id: 'SC-004',
        title: 'Autoscaling',
        checks: [
          {
            kind: 'resource' as const,
            resource: { kind: 'scaledobject', name: 'task-api-scaler', namespace: 'task-api' },
            expect: { columns: { READY: 'True', MIN: '1', MAX: '10' } },
          },
        ],
      },
    ];
    const r = await verifyCriteria(criteria, {
      cluster: fakeCluster(taskApiObjects()),
      origins: { 'http://prometheus.monitoring.svc:9090': promUrl },
    });
    expect(r.criteria[0].verdict).toBe('passed');
    expect(r.criteria[0].checks.map((c) => c.kind)).toEqual(['resource', 'prometheus']);
    expect(r.criteria[0].checks[1].explanation).toBe(
      'trigger 0: sum(http_requests_total) = 137 now → 3 replica(s) (threshold 50, min 1, max 10)',
    );
  });
});
