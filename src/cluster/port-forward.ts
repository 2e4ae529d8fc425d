import * as net from 'node:net';
import type { Manifest } from '../model/manifest.js';
import type { ClusterClient } from './client.js';
import type { EnvoyService } from './envoy-service.js';
import { ClusterError } from './errors.js';

/** Open local listeners forwarding to one pod of a Service. */
export interface PortForwardHandle {
  pod: string;
  namespace: string;
  /** Local port → pod port actually used. */
  ports: { local: number; servicePort: number; podPort: number }[];
  close(): Promise<void>;
}

type Pod = Manifest & {
  spec?: { containers?: { ports?: { name?: string; containerPort: number }[] }[] };
  status?: { phase?: string; conditions?: { type: string; status: string }[] };
  metadata: { deletionTimestamp?: string };
};

function isReady(p: Pod): boolean {
  return (
    p.status?.phase === 'Running' &&
    !p.metadata.deletionTimestamp &&
    !!p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')
  );
}

/** A ready pod behind the Service (sorted by name, so the choice is stable). */
export async function readyPodOf(client: ClusterClient, service: EnvoyService): Promise<Pod> {
  const labelSelector = Object.entries(service.selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  if (!labelSelector)
    throw new ClusterError(
      'api-error',
      `service ${service.namespace}/${service.name} has no selector; cannot pick a pod to forward to`,
    );
  const pods = ((await client.list('v1', 'Pod', { namespace: service.namespace, labelSelector })) as Pod[]).filter(
    isReady,
  );
  pods.sort((a, b) => String(a.metadata.name).localeCompare(String(b.metadata.name)));
  if (pods.length === 0)
    throw new ClusterError(
      'api-error',
      `no ready pod behind service ${service.namespace}/${service.name} (selector ${labelSelector})`,
    );
  return pods[0];
}

/** Service port → container port on the pod (targetPort may be a number, a name, or absent). */
export function podPortFor(service: EnvoyService, pod: Pod, servicePort: number): number {
  const sp = service.ports.find((p) => p.port === servicePort);
  if (!sp)
    throw new ClusterError(
      'api-error',
      `service ${service.namespace}/${service.name} has no port ${servicePort} (has ${service.ports.map((p) => p.port).join(', ')})`,
    );
  const t = sp.targetPort ?? sp.port;
  if (typeof t === 'number') return t;
  if (/^\d+$/.test(t)) return Number(t);
  const named = pod.spec?.containers?.flatMap((c) => c.ports ?? []).find((p) => p.name === t);
  if (!named) throw new ClusterError('api-error', `pod ${pod.metadata.name} has no container port named ${t}`);
  return named.containerPort;
}

/**
 * Forwards local ports on 127.0.0.1 to a ready pod of the Service, through the API server's portforward
 * subresource (client-node PortForward, one WebSocket per TCP connection). `ports` maps local port → service port,
 * e.g. `{8080: 80, 8443: 443}`; local port 0 picks a free port. Close the handle when done.
 */
export async function portForward(
  client: ClusterClient,
  service: EnvoyService,
  ports: Record<number, number>,
): Promise<PortForwardHandle> {
  const { PortForward } = await import('@kubernetes/client-node');
  const pod = await readyPodOf(client, service);
  const podName = pod.metadata.name as string;
  const forwarder = new PortForward(client.kubeConfig, true);
  const servers: net.Server[] = [];
  const sockets = new Set<net.Socket>();
  const out: PortForwardHandle['ports'] = [];
  const close = async () => {
    for (const s of sockets) s.destroy();
    await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  };
  try {
    for (const [localStr, servicePort] of Object.entries(ports)) {
      const podPort = podPortFor(service, pod, servicePort);
      const server = net.createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => socket.destroy());
        forwarder
          .portForward(service.namespace, podName, [podPort], socket, null, socket)
          .then((ws) => {
            const w = typeof ws === 'function' ? ws() : ws;
            w?.on('close', () => socket.end());
            socket.on('close', () => w?.close());
          })
          .catch(() => socket.destroy());
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(Number(localStr), '127.0.0.1', () => resolve());
      });
      servers.push(server);
      out.push({ local: (server.address() as net.AddressInfo).port, servicePort, podPort });
    }
  } catch (e) {
    await close();
    throw e instanceof ClusterError
      ? e
      : new ClusterError('api-error', `cannot listen for port-forward: ${(e as Error).message}`);
  }
  return { pod: podName, namespace: service.namespace, ports: out, close };
}
