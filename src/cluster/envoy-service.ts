import type { Manifest } from '../model/manifest.js';
import type { ClusterClient } from './client.js';
import { EG_NAMESPACE } from './install.js';

export interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  nodePort?: number;
  protocol?: string;
}

/** The Service Envoy Gateway created for a Gateway, and how to reach it. */
export interface EnvoyService {
  name: string;
  namespace: string;
  type: string;
  clusterIP?: string;
  /** LoadBalancer ingress addresses: IPs or hostnames (Docker Desktop reports `localhost`). */
  addresses: string[];
  ports: ServicePort[];
  selector: Record<string, string>;
}

export const OWNING_GATEWAY_NAME = 'gateway.envoyproxy.io/owning-gateway-name';
export const OWNING_GATEWAY_NAMESPACE = 'gateway.envoyproxy.io/owning-gateway-namespace';

type Svc = Manifest & {
  spec?: { type?: string; clusterIP?: string; ports?: ServicePort[]; selector?: Record<string, string> };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
};

function toEnvoyService(s: Svc): EnvoyService {
  return {
    name: s.metadata.name as string,
    namespace: s.metadata.namespace as string,
    type: s.spec?.type ?? 'ClusterIP',
    clusterIP: s.spec?.clusterIP,
    addresses: (s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '').filter(Boolean),
    ports: (s.spec?.ports ?? []).map((p) => ({
      name: p.name,
      port: p.port,
      targetPort: p.targetPort,
      nodePort: p.nodePort,
      protocol: p.protocol,
    })),
    selector: s.spec?.selector ?? {},
  };
}

/**
 * Finds the Envoy Service of a Gateway by its owning-gateway labels (envoy-gateway.md §8): first in
 * `envoy-gateway-system` (default deploy mode), then in the Gateway's own namespace (Gateway Namespace Mode).
 */
export async function findEnvoyService(
  client: ClusterClient,
  gatewayNamespace: string,
  gatewayName: string,
  opts: { controllerNamespace?: string } = {},
): Promise<EnvoyService | undefined> {
  const labelSelector = `${OWNING_GATEWAY_NAMESPACE}=${gatewayNamespace},${OWNING_GATEWAY_NAME}=${gatewayName}`;
  for (const ns of [opts.controllerNamespace ?? EG_NAMESPACE, gatewayNamespace]) {
    const found = (await client.list('v1', 'Service', { namespace: ns, labelSelector })) as Svc[];
    if (found.length > 0)
      return toEnvoyService(found.sort((a, b) => String(a.metadata.name).localeCompare(String(b.metadata.name)))[0]);
  }
  return undefined;
}

/** `LoadBalancer localhost; ports 8080→30219/TCP` for messages. */
export function describeEnvoyService(s: EnvoyService): string {
  const ports = s.ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(', ');
  const addr = s.addresses.length ? s.addresses.join(', ') : s.type === 'LoadBalancer' ? '<pending>' : 'none';
  return `${s.namespace}/${s.name} (${s.type}, address ${addr}, ports ${ports})`;
}
