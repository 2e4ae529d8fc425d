import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readScaledObjectTriggers, verifyCriteria } from '../../src/criteria/live/index.js';
import { promQuery } from '../../src/probe/index.js';
import { fakeCluster, taskApiObjects } from '../fixtures/live/fake-cluster.js';
import { eventually, type PrometheusServer, requireBinaries, startPrometheus } from '../fixtures/live/servers.js';
import { startTaskApiServer, type TaskApiServer } from '../fixtures/live/task-api-server.mjs';

// Prometheus queries of a ScaledObject's trigger against a real Prometheus scraping the Task API test server.
const skip = requireBinaries('prometheus');
if (skip) console.warn(`live-prometheus: skipped — ${skip}`);

describe.skipIf(!!skip)('Prometheus triggers against a real Prometheus', () => {
  let api: TaskApiServer;
  let prom: PrometheusServer;
  const IN_CLUSTER = 'http://prometheus.monitoring.svc:9090';
  beforeAll(async () => {
    api = await startTaskApiServer();
    for (let i = 0; i < 25; i++) await fetch(`${api.url}/api/tasks`).then((r) => r.text());
    prom = await startPrometheus({ targetPort: api.port });
    await eventually(
      'task-api scraped',
      async () => (await promQuery(prom.url, 'sum(http_requests_total)')).value,
      30_000,
    );
  });
  afterAll(async () => {
    await prom?.stop();
    await api?.close();
  });

  it('promQuery reads the scraped counter', async () => {
    const r = await promQuery(prom.url, 'sum(http_requests_total{path="/api/tasks"})');
    expect(r.resultType).toBe('vector');
    expect(r.value).toBe(25);
    const up = await promQuery(prom.url, 'up{job="task-api"}');
    expect(up.value).toBe(1);
  });

  it('promQuery surfaces PromQL errors', async () => {
    await expect(promQuery(prom.url, 'sum(')).rejects.toMatchObject({ code: 'probe/prometheus-error' });
  });

  it('reads the ScaledObject trigger through --origin and derives the replicas KEDA would want', async () => {
    const so = taskApiObjects(IN_CLUSTER)[0].object;
    const [reading] = await readScaledObjectTriggers(so, { origins: { [IN_CLUSTER]: prom.url } });
    expect(reading).toMatchObject({ value: 25, threshold: 50, desiredReplicas: 1, minReplicas: 1, maxReplicas: 10 });
    const hot = {
      ...so,
      spec: {
        ...(so.spec as object),
        triggers: [
          {
            type: 'prometheus',
            metadata: { serverAddress: IN_CLUSTER, query: 'sum(http_requests_total) * 10', threshold: '50' },
          },
        ],
      },
    };
    const [r2] = await readScaledObjectTriggers(hot, { origins: { [IN_CLUSTER]: prom.url } });
    expect(r2).toMatchObject({ value: 250, desiredReplicas: 5 });
  });

  it('adds the trigger reading to SC-004 in verify', async () => {
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
      cluster: fakeCluster(taskApiObjects(IN_CLUSTER)),
      origins: { [IN_CLUSTER]: prom.url },
    });
    expect(r.criteria[0].verdict).toBe('passed');
    expect(r.criteria[0].checks[1].explanation).toMatch(
      /^trigger 0: sum\(http_requests_total\) = 25 now → 1 replica\(s\)/,
    );
  });
});
