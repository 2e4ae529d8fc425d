import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeEnvoyService, findEnvoyService } from '../../src/cluster/envoy-service.js';
import { portForward } from '../../src/cluster/port-forward.js';
import { portForwardUpgrade } from './fake-portforward.js';
import { type Env, startEnv } from './setup.js';

const LABELS = {
  'gateway.envoyproxy.io/owning-gateway-name': 'eg',
  'gateway.envoyproxy.io/owning-gateway-namespace': 'task-api',
};

function addEnvoy(env: Env) {
  env.fake.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'envoy-gateway-system' } });
  env.fake.add({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'envoy-task-api-eg-5d8f7c6b',
      namespace: 'envoy-gateway-system',
      labels: { ...LABELS, 'app.kubernetes.io/component': 'proxy' },
    },
    spec: {
      type: 'LoadBalancer',
      clusterIP: '10.96.12.7',
      selector: { ...LABELS, 'app.kubernetes.io/component': 'proxy' },
      ports: [{ name: 'http-8080', port: 8080, targetPort: 8080, nodePort: 30219, protocol: 'TCP' }],
    },
    status: { loadBalancer: { ingress: [{ hostname: 'localhost' }] } },
  });
  // Another Gateway's service must not match.
  env.fake.add({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'envoy-other',
      namespace: 'envoy-gateway-system',
      labels: { ...LABELS, 'gateway.envoyproxy.io/owning-gateway-name': 'other' },
    },
    spec: { type: 'ClusterIP', ports: [{ port: 80 }] },
  });
  const pod = (name: string, ready: boolean) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'envoy-gateway-system',
      labels: { ...LABELS, 'app.kubernetes.io/component': 'proxy' },
    },
    spec: { containers: [{ name: 'envoy', ports: [{ name: 'http-8080', containerPort: 8080 }] }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  });
  env.fake.add(pod('envoy-a-not-ready', false));
  env.fake.add(pod('envoy-b-ready', true));
}

describe('reaching the gateway', () => {
  let env: Env;
  beforeEach(async () => {
    env = await startEnv();
  });
  afterEach(async () => {
    await env.fake.stop();
  });

  it('finds the Envoy Service by its owning-gateway labels, with LoadBalancer address and node ports', async () => {
    addEnvoy(env);
    const s = await findEnvoyService(env.client, 'task-api', 'eg');
    expect(s).toMatchObject({
      name: 'envoy-task-api-eg-5d8f7c6b',
      namespace: 'envoy-gateway-system',
      type: 'LoadBalancer',
      addresses: ['localhost'],
    });
    expect(s?.ports[0]).toMatchObject({ port: 8080, nodePort: 30219 });
    expect(describeEnvoyService(s!)).toBe(
      'envoy-gateway-system/envoy-task-api-eg-5d8f7c6b (LoadBalancer, address localhost, ports 8080:30219/TCP)',
    );
    const q = env.fake.requests.find((r) => r.path === '/api/v1/namespaces/envoy-gateway-system/services');
    expect(q?.query.labelSelector).toBe(
      'gateway.envoyproxy.io/owning-gateway-namespace=task-api,gateway.envoyproxy.io/owning-gateway-name=eg',
    );
    expect(await findEnvoyService(env.client, 'task-api', 'missing')).toBeUndefined();
  });

  it('port-forwards a local port to a ready Envoy pod through the portforward WebSocket', async () => {
    addEnvoy(env);
    // Stand-in for the Envoy container: a plain HTTP server on loopback.
    const envoy = http.createServer((req, res) => res.end(`hello from envoy ${req.url}`));
    await new Promise<void>((r) => envoy.listen(0, '127.0.0.1', r));
    env.fake.upgrade = portForwardUpgrade({
      'envoy-gateway-system/envoy-b-ready:8080': (envoy.address() as AddressInfo).port,
    });
    const svc = await findEnvoyService(env.client, 'task-api', 'eg');
    const handle = await portForward(env.client, svc!, { 0: 8080 });
    try {
      expect(handle.pod).toBe('envoy-b-ready');
      expect(handle.ports[0]).toMatchObject({ servicePort: 8080, podPort: 8080 });
      const body = await new Promise<string>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port: handle.ports[0].local, path: '/api/tasks', agent: false }, (res) => {
            let text = '';
            res.on('data', (c) => (text += c));
            res.on('end', () => resolve(text));
          })
          .on('error', reject);
      });
      expect(body).toBe('hello from envoy /api/tasks');
      expect(
        env.fake.requests.some(
          (r) =>
            r.method === 'UPGRADE' && r.path.endsWith('/pods/envoy-b-ready/portforward') && r.query.ports === '8080',
        ),
      ).toBe(true);
    } finally {
      await handle.close();
      envoy.closeAllConnections();
      await new Promise<void>((r) => envoy.close(() => r()));
    }
  });

  it('refuses a service port the Service does not have', async () => {
    addEnvoy(env);
    const svc = await findEnvoyService(env.client, 'task-api', 'eg');
    await expect(portForward(env.client, svc!, { 0: 443 })).rejects.toThrow(/has no port 443/);
  });
});

describe('clusterGatewayEndpoint (core)', () => {
  it('finds the service and forwards ports, or says why not', async () => {
    const { clusterGatewayEndpoint } = await import('../../src/core/cluster-api.js');
    const env = await startEnv();
    try {
      const missing = await clusterGatewayEndpoint({
        kubeconfig: env.kubeconfig,
        gatewayNamespace: 'task-api',
        gatewayName: 'eg',
      });
      expect(missing.ok).toBe(false);
      expect(missing.diagnostics[0].code).toBe('cluster/no-envoy-service');
      addEnvoy(env);
      const envoy = http.createServer((_req, res) => res.end('ok'));
      await new Promise<void>((r) => envoy.listen(0, '127.0.0.1', r));
      env.fake.upgrade = portForwardUpgrade({
        'envoy-gateway-system/envoy-b-ready:8080': (envoy.address() as AddressInfo).port,
      });
      const found = await clusterGatewayEndpoint({
        kubeconfig: env.kubeconfig,
        gatewayNamespace: 'task-api',
        gatewayName: 'eg',
        ports: { 0: 8080 },
      });
      expect(found.result?.description).toContain('LoadBalancer, address localhost');
      const pf = found.result?.portForward;
      expect(pf?.ports[0].local).toBeGreaterThan(0);
      const res = await fetch(`http://127.0.0.1:${pf?.ports[0].local}/`);
      expect(await res.text()).toBe('ok');
      await pf?.close();
      envoy.closeAllConnections();
      await new Promise<void>((r) => envoy.close(() => r()));
    } finally {
      await env.fake.stop();
    }
  });
});
