/** Tiny builders for route-simulator fixtures (unit tests only). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseManifestStream } from '../../../src/model/load-yaml.js';
import type { Manifest } from '../../../src/model/manifest.js';

const GW = 'gateway.networking.k8s.io/v1';
const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'simulate-route');

export function fixture(name: string): Manifest[] {
  const { docs, diagnostics } = parseManifestStream(readFileSync(path.join(fixtures, name), 'utf8'), name);
  if (diagnostics.length > 0) throw new Error(diagnostics[0].message);
  return docs.map((d) => d.object);
}

export function ns(name: string, labels: Record<string, string> = {}): Manifest {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

export function svc(name: string, namespace = 'default'): Manifest {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { ports: [{ port: 8080 }] } };
}

export function gateway(
  name: string,
  listeners: Record<string, unknown>[],
  namespace = 'default',
  extra: Record<string, unknown> = {},
): Manifest {
  return {
    apiVersion: GW,
    kind: 'Gateway',
    metadata: { name, namespace },
    spec: { gatewayClassName: 'eg', listeners, ...extra },
  };
}

export function http(name: string, port = 80, hostname?: string, from = 'Same', more: Record<string, unknown> = {}) {
  return {
    name,
    port,
    protocol: 'HTTP',
    ...(hostname ? { hostname } : {}),
    allowedRoutes: { namespaces: { from } },
    ...more,
  };
}

export function route(
  name: string,
  spec: Record<string, unknown>,
  namespace = 'default',
  meta: Record<string, unknown> = {},
): Manifest {
  return {
    apiVersion: GW,
    kind: 'HTTPRoute',
    metadata: { name, namespace, ...meta },
    spec: { parentRefs: [{ name: 'gw' }], ...spec },
  };
}

/** A rule forwarding `match` to Service `backend` in the route's namespace. */
export function rule(backend: string, ...matches: Record<string, unknown>[]): Record<string, unknown> {
  return { matches, backendRefs: [{ name: backend, port: 8080 }] };
}

export const prefix = (value: string, more: Record<string, unknown> = {}) => ({
  path: { type: 'PathPrefix', value },
  ...more,
});
export const exact = (value: string, more: Record<string, unknown> = {}) => ({
  path: { type: 'Exact', value },
  ...more,
});
export const hdr = (name: string, value: string) => ({ name, value });

/** A kubernetes.io/tls Secret with PEM-shaped (not cryptographically valid) contents. */
export function tlsSecret(name: string, namespace = 'default'): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace },
    type: 'kubernetes.io/tls',
    stringData: {
      'tls.crt': '-----BEGIN CERTIFICATE-----\nMIIBdGVzdA==\n-----END CERTIFICATE-----\n',
      'tls.key': '-----BEGIN PRIVATE KEY-----\nMIIEa2V5\n-----END PRIVATE KEY-----\n',
    },
  };
}
