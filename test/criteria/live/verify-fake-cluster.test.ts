import { readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { connect } from '../../../src/cluster/client.js';
import { liveClusterFrom } from '../../../src/criteria/live/index.js';
import { portForwardUpgrade } from '../../cluster/fake-portforward.js';
import { type SelfSigned, selfSignedCert } from '../../fixtures/live/self-signed.js';
import { startTaskApiServer, type TaskApiServer } from '../../fixtures/live/task-api-server.mjs';
import { runCli } from '../../helpers/cli.js';
import { FakeApiServer } from '../../helpers/fake-apiserver.js';

// `verify --kubeconfig` through the fake API server (real client-node + REST protocol for GET, discovery,
// server-side apply dry-run): SC-004 from the CRD's printer columns, SC-006 from the object, SC-007 by
// dry-running the stack generated from the spec, and the ScaledObject's Prometheus trigger via --origin.
const SPEC = 'examples/task-api/traffic-spec.md';
const crds = parseAllDocuments(readFileSync(join('test', 'fixtures', 'cluster', 'crds.yaml'), 'utf8')).map((d) =>
  d.toJS(),
);
const KEDA_COLUMNS = [
  { jsonPath: '.status.scaleTargetKind', name: 'ScaleTargetKind', type: 'string' },
  { jsonPath: '.spec.scaleTargetRef.name', name: 'ScaleTargetName', type: 'string' },
  { jsonPath: '.spec.minReplicaCount', name: 'Min', type: 'integer' },
  { jsonPath: '.spec.maxReplicaCount', name: 'Max', type: 'integer' },
  { jsonPath: '.status.conditions[?(@.type=="Ready")].status', name: 'Ready', type: 'string' },
  { jsonPath: '.status.conditions[?(@.type=="Active")].status', name: 'Active', type: 'string' },
  { jsonPath: '.metadata.creationTimestamp', name: 'Age', type: 'date' },
];
const PROM_IN_CLUSTER = 'http://prometheus.monitoring.svc:9090';

let fake: FakeApiServer;
let kubeconfig: string;
let api: TaskApiServer;
let prom: http.Server;
let promUrl: string;
let cert: SelfSigned;
beforeAll(async () => {
  fake = await new FakeApiServer().start();
  for (const crd of crds) fake.add(crd);
  const so = crds.find((c) => c.metadata.name === 'scaledobjects.keda.sh');
  fake.add({
    ...so,
    spec: {
      ...so.spec,
      versions: [{ name: 'v1alpha1', served: true, storage: true, additionalPrinterColumns: KEDA_COLUMNS }],
    },
  });
  fake.add({
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name: 'task-api-scaler', namespace: 'task-api' },
    spec: {
      scaleTargetRef: { name: 'task-api' },
      minReplicaCount: 1,
      maxReplicaCount: 10,
      triggers: [
        {
          type: 'prometheus',
          metadata: { serverAddress: PROM_IN_CLUSTER, query: 'sum(rate(http_requests_total[1m]))', threshold: '50' },
        },
      ],
    },
    status: {
      scaleTargetKind: 'apps/v1.Deployment',
      conditions: [
        { type: 'Ready', status: 'True' },
        { type: 'Active', status: 'True' },
      ],
    },
  });
  fake.add({
    apiVersion: 'gateway.envoyproxy.io/v1alpha1',
    kind: 'BackendTrafficPolicy',
    metadata: { name: 'task-api-protection', namespace: 'task-api' },
    spec: { circuitBreaker: { maxConnections: 50, maxPendingRequests: 5, maxParallelRequests: 25 } },
  });
  kubeconfig = fake.writeKubeconfig({ context: 'kind-test' });
  cert = await selfSignedCert({ dns: ['localhost'], ips: ['127.0.0.1'] });
  api = await startTaskApiServer({
    limit: { perKey: 100, anonymous: 10 },
    tls: { cert: cert.certPem, key: cert.keyPem },
  });
  prom = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        status: 'success',
        data: { resultType: 'vector', result: [{ metric: {}, value: [1, '120'] }] },
      }),
    );
  });
  await new Promise<void>((r) => prom.listen(0, '127.0.0.1', r));
  promUrl = `http://127.0.0.1:${(prom.address() as { port: number }).port}`;
});
afterAll(async () => {
  await fake?.stop();
  await api?.close();
  prom?.close();
});

describe('verify with a cluster (fake API server)', () => {
  it('passes all seven criteria of the example spec', async () => {
    const r = await runCli([
      'verify',
      SPEC,
      '--kubeconfig',
      kubeconfig,
      '--origin',
      `http://localhost:8080=${api.url}`,
      '--origin',
      `https://localhost:8443=${api.httpsUrl}`,
      '--origin',
      `${PROM_IN_CLUSTER}=${promUrl}`,
      '--format',
      'json',
    ]);
    expect(r.stderr).toMatch(/reading the cluster through context kind-test/);
    const report = JSON.parse(r.stdout);
    expect(Object.fromEntries(report.criteria.map((c: { id: string; verdict: string }) => [c.id, c.verdict]))).toEqual({
      'SC-001': 'passed',
      'SC-002': 'passed',
      'SC-003': 'passed',
      'SC-004': 'passed',
      'SC-005': 'passed',
      'SC-006': 'passed',
      'SC-007': 'passed',
    });
    expect(r.code).toBe(0);
    const sc4 = report.criteria.find((c: { id: string }) => c.id === 'SC-004');
    expect(sc4.checks[0].explanation).toBe('READY=True MIN=1 MAX=10');
    expect(sc4.checks[1].explanation).toBe(
      'trigger 0: sum(rate(http_requests_total[1m])) = 120 now → 3 replica(s) (threshold 50, min 1, max 10)',
    );
    const sc7 = report.criteria.find((c: { id: string }) => c.id === 'SC-007');
    expect(sc7.checks[0].explanation).toMatch(
      /^the stack generated from examples\/task-api\/traffic-spec\.md \(generated-config\.yaml not found\): \d+ object\(s\), .*\(server dry run, context kind-test\)$/,
    );
    // The dry run really went to the API server with dryRun=All; nothing was persisted.
    const applies = fake.requests.filter((q) => q.method === 'PATCH');
    expect(applies.length).toBeGreaterThan(0);
    expect(applies.every((q) => q.query.dryRun === 'All')).toBe(true);
  });

  it('--port-forward reaches localhost:8080 and :8443 through the Envoy pod of the Gateway', async () => {
    const gw = await startTaskApiServer({
      limit: { perKey: 100, anonymous: 10 },
      tls: { cert: cert.certPem, key: cert.keyPem },
    });
    try {
      const labels = {
        'gateway.envoyproxy.io/owning-gateway-name': 'task-api-gateway',
        'gateway.envoyproxy.io/owning-gateway-namespace': 'task-api',
      };
      fake.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'envoy-gateway-system' } });
      fake.add({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'envoy-task-api-task-api-gateway-1a2b3c4d', namespace: 'envoy-gateway-system', labels },
        spec: {
          type: 'LoadBalancer',
          selector: labels,
          ports: [
            { name: 'http-80', port: 80, targetPort: 10080, protocol: 'TCP' },
            { name: 'https-443', port: 443, targetPort: 10443, protocol: 'TCP' },
          ],
        },
      });
      fake.add({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'envoy-0', namespace: 'envoy-gateway-system', labels },
        spec: { containers: [{ name: 'envoy' }] },
        status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
      });
      fake.upgrade = portForwardUpgrade({
        'envoy-gateway-system/envoy-0:10080': gw.port,
        'envoy-gateway-system/envoy-0:10443': gw.httpsPort!,
      });
      const r = await runCli([
        'verify',
        SPEC,
        '--kubeconfig',
        kubeconfig,
        '--port-forward',
        '--origin',
        `${PROM_IN_CLUSTER}=${promUrl}`,
      ]);
      expect(r.stderr).toMatch(
        /verify: http:\/\/localhost:8080 → envoy-gateway-system\/envoy-task-api-task-api-gateway-1a2b3c4d .* port 80 \(listener http\) via pod envoy-gateway-system\/envoy-0/,
      );
      expect(r.stderr).toMatch(/verify: https:\/\/localhost:8443 → .* port 443 \(listener https\)/);
      expect(r.stdout).toMatch(/\n7 passed, 0 failed, 0 skipped\n$/);
      expect(r.code).toBe(0);
      expect(fake.requests.filter((q) => q.method === 'UPGRADE').length).toBeGreaterThan(0);
    } finally {
      fake.upgrade = undefined;
      await gw.close();
    }
  });

  it('queries an unmapped in-cluster Prometheus through the API server service proxy', async () => {
    fake.proxy('monitoring', 'prometheus:9090', (p) =>
      p === '/api/v1/query'
        ? {
            status: 200,
            body: JSON.stringify({
              status: 'success',
              data: { resultType: 'vector', result: [{ metric: {}, value: [1, '480'] }] },
            }),
          }
        : { status: 404, body: '{}' },
    );
    // Traffic criteria go to a closed port (nothing else on this machine gets requests).
    const only = [
      '--origin',
      'http://localhost:8080=http://127.0.0.1:1',
      '--origin',
      'https://localhost:8443=https://127.0.0.1:1',
      '--format',
      'json',
    ];
    const r = await runCli(['verify', SPEC, '--kubeconfig', kubeconfig, ...only]);
    const sc4 = JSON.parse(r.stdout).criteria.find((c: { id: string }) => c.id === 'SC-004');
    expect(sc4.verdict).toBe('passed');
    expect(sc4.checks[1].observed).toMatchObject({ via: 'cluster', value: 480, desiredReplicas: 10 });
    expect(sc4.checks[1].explanation).toMatch(
      /= 480 now → 10 replica\(s\) .* \[through the API server service proxy\]$/,
    );
    const proxied = fake.requests.filter((q) => q.path.includes('/services/prometheus:9090/proxy/api/v1/query'));
    expect(proxied.at(-1)?.query).toEqual({ query: 'sum(rate(http_requests_total[1m]))' });
  });

  it('LiveCluster over the real client reads objects and columns', async () => {
    const cluster = liveClusterFrom(await connect({ kubeconfig, requestTimeoutMs: 5000 }));
    const cols = await cluster.printerColumns('scaledobject', 'task-api-scaler', 'task-api');
    expect(cols).toMatchObject({ NAME: 'task-api-scaler', MIN: '1', MAX: '10', READY: 'True', ACTIVE: 'True' });
    expect(await cluster.getObject('backendtrafficpolicy', 'nope', 'task-api')).toBeUndefined();
  });
});
