import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect } from '../../src/cluster/client.js';
import { listCrds } from '../../src/cluster/crds.js';
import { formatPreflight, preflight } from '../../src/cluster/preflight.js';
import { type Env, fixtureObjects, startEnv } from './setup.js';
import { cond } from './statuses.js';

function installEg(env: Env, opts: { accepted?: boolean; available?: number } = {}) {
  env.fake.add({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GatewayClass',
    metadata: { name: 'eg' },
    spec: { controllerName: 'gateway.envoyproxy.io/gatewayclass-controller' },
    status: {
      conditions: [
        opts.accepted === false
          ? cond('Accepted', 'Unknown', 'Pending', 'Waiting for controller')
          : cond('Accepted', 'True', 'Accepted', 'Valid GatewayClass'),
      ],
    },
  });
  env.fake.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'envoy-gateway-system' } });
  env.fake.add({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'envoy-gateway', namespace: 'envoy-gateway-system' },
    spec: {
      replicas: 1,
      template: { spec: { containers: [{ name: 'envoy-gateway', image: 'docker.io/envoyproxy/gateway:v1.9.0' }] } },
    },
    status: { replicas: 1, availableReplicas: opts.available ?? 1 },
  });
}

describe('preflight against the fake API server', () => {
  let env: Env;
  beforeEach(async () => {
    env = await startEnv();
  });
  afterEach(async () => {
    await env.fake.stop();
  });

  it('reports a missing CRD set with its exact install command, and what is there with versions', async () => {
    installEg(env);
    const r = await preflight(env.client);
    expect(r.ok).toBe(false);
    const by = Object.fromEntries(r.items.map((i) => [i.name, i]));
    expect(by['Kubernetes API']).toMatchObject({ ok: true, version: 'v1.34.1' });
    expect(by['Gateway API CRDs']).toMatchObject({ ok: true, version: 'v1.6.1' });
    expect(by['Gateway API CRDs'].detail).toContain('experimental channel');
    expect(by['KEDA CRDs']).toMatchObject({ ok: true, version: '2.20.2' });
    expect(by['Envoy Gateway CRDs'].ok).toBe(true);
    expect(by['GatewayClass eg']).toMatchObject({ ok: true });
    expect(by['Envoy Gateway controller']).toMatchObject({ ok: true, version: 'v1.9.0' });
    const cm = by['cert-manager CRDs'];
    expect(cm.ok).toBe(false);
    expect(cm.detail).toContain('certificates.cert-manager.io');
    expect(cm.fix).toContain('helm install cert-manager oci://quay.io/jetstack/charts/cert-manager --version v1.21.1');
    expect(formatPreflight(r)).toMatch(/FAIL cert-manager CRDs: missing:[^\n]*\n\s+helm install cert-manager/);
  });

  it('flags an old Gateway API bundle, an unaccepted GatewayClass and a controller with no replica', async () => {
    const fake = env.fake;
    for (const crd of fixtureObjects('crds.yaml')) {
      if (crd.spec.group === 'gateway.networking.k8s.io')
        crd.metadata.annotations['gateway.networking.k8s.io/bundle-version'] = 'v1.2.1';
      fake.add(crd);
    }
    installEg(env, { accepted: false, available: 0 });
    const r = await preflight(env.client, { components: ['gateway-api', 'envoy-gateway'] });
    const by = Object.fromEntries(r.items.map((i) => [i.name, i]));
    expect(by['Gateway API CRDs']).toMatchObject({ ok: false, version: 'v1.2.1' });
    expect(by['Gateway API CRDs'].fix).toContain('gateway-api/releases/download/v1.6.1/experimental-install.yaml');
    expect(by['GatewayClass eg'].ok).toBe(false);
    expect(by['GatewayClass eg'].detail).toContain('Accepted=Unknown');
    expect(by['Envoy Gateway controller'].ok).toBe(false);
    expect(r.items.map((i) => i.name)).not.toContain('KEDA CRDs');
  });

  it('offers the GatewayClass manifest when it is missing', async () => {
    const r = await preflight(env.client, { components: ['envoy-gateway'], gatewayClass: 'eg' });
    const gc = r.items.find((i) => i.name === 'GatewayClass eg');
    expect(gc?.ok).toBe(false);
    expect(gc?.fix).toContain('controllerName: gateway.envoyproxy.io/gatewayclass-controller');
    const eg = r.items.find((i) => i.name === 'Envoy Gateway controller');
    expect(eg?.fix).toContain(
      'helm install eg oci://docker.io/envoyproxy/gateway-helm --version v1.9.0 -n envoy-gateway-system --create-namespace',
    );
  });

  it('checks Prometheus through the service proxy for in-cluster URLs', async () => {
    env.fake.proxy('monitoring', 'prometheus:9090', (p) =>
      p === '/api/v1/status/buildinfo'
        ? { status: 200, body: JSON.stringify({ status: 'success', data: { version: '3.5.0' } }) }
        : { status: 404, body: '404 page not found' },
    );
    const ok = await preflight(env.client, { components: [], prometheusUrl: 'http://prometheus.monitoring.svc:9090' });
    expect(ok.items[1]).toMatchObject({
      name: 'Prometheus http://prometheus.monitoring.svc:9090',
      ok: true,
      version: '3.5.0',
    });
    const bad = await preflight(env.client, {
      components: [],
      prometheusUrl: 'http://prom-missing.monitoring.svc.cluster.local:9090',
    });
    expect(bad.items[1].ok).toBe(false);
    expect(bad.items[1].detail).toContain('HTTP 503');
  });

  it('checks a non-cluster Prometheus URL with a direct GET and a timeout', async () => {
    const prom = http.createServer((req, res) => {
      if (req.url === '/api/v1/status/buildinfo')
        res.end(JSON.stringify({ status: 'success', data: { version: '3.5.0' } }));
      // anything else: never answer (to exercise the timeout)
    });
    await new Promise<void>((r) => prom.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(prom.address() as AddressInfo).port}`;
    try {
      const ok = await preflight(env.client, { components: [], prometheusUrl: base });
      expect(ok.items[1]).toMatchObject({ ok: true, version: '3.5.0', detail: 'answers' });
      const t0 = Date.now();
      const slow = await preflight(env.client, {
        components: [],
        prometheusUrl: `${base}/hang`,
        prometheusTimeoutMs: 200,
      });
      expect(slow.items[1].ok).toBe(false);
      expect(slow.items[1].detail).toContain('no answer within 200 ms');
      expect(Date.now() - t0).toBeLessThan(2000);
    } finally {
      prom.closeAllConnections();
      await new Promise<void>((r) => prom.close(() => r()));
    }
  });

  it('says the API is unreachable instead of throwing', async () => {
    await env.fake.stop();
    const client = await connect({ kubeconfig: env.kubeconfig, requestTimeoutMs: 2000 });
    const r = await preflight(client);
    expect(r.ok).toBe(false);
    expect(r.items).toHaveLength(1);
    expect(r.items[0].detail).toContain('ECONNREFUSED');
    env.fake = await env.fake.start(); // afterEach stops it again
  });

  it('reports RBAC denials as failed items instead of throwing', async () => {
    env.fake.forbid.push(/customresourcedefinitions$/);
    const r = await preflight(env.client);
    expect(r.ok).toBe(false);
    expect(r.items.map((i) => i.name)).toEqual(['Kubernetes API', 'CustomResourceDefinitions']);
    expect(r.items[1].detail).toContain('forbidden');
    expect(r.items[1].fix).toContain('read access');
  });

  it('listCrds returns the cluster CRD objects', async () => {
    const crds = await listCrds(env.client);
    expect(crds.map((c) => c.metadata.name)).toContain('httproutes.gateway.networking.k8s.io');
    expect(crds[0]).toMatchObject({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition' });
  });
});
