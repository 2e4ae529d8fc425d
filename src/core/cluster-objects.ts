/**
 * What validation reads from a connected cluster: its CRDs (for `--crds cluster`) and the objects the
 * cross-resource rules resolve references against (GatewayClasses, Gateways, Services, TLS Secrets, …),
 * in the namespaces of the documents being validated.
 */
import type { ClusterClient } from '../cluster/client.js';
import type { Manifest, SourceDoc } from '../model/manifest.js';

/** Kinds the rules look up, namespaced unless marked. A kind the cluster does not serve is skipped. */
const REFERENCED: { apiVersion: string; kind: string; clusterScoped?: boolean }[] = [
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', clusterScoped: true },
  { apiVersion: 'v1', kind: 'Namespace', clusterScoped: true },
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway' },
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute' },
  { apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'ReferenceGrant' },
  { apiVersion: 'v1', kind: 'Service' },
  { apiVersion: 'v1', kind: 'Secret' },
  { apiVersion: 'apps/v1', kind: 'Deployment' },
  { apiVersion: 'apps/v1', kind: 'StatefulSet' },
  { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' },
  { apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject' },
  { apiVersion: 'gateway.envoyproxy.io/v1alpha1', kind: 'BackendTrafficPolicy' },
];

export interface ClusterView {
  context: string;
  crds?: Manifest[];
  objects: Manifest[];
  /** Kinds that could not be listed (not served, or forbidden), with why. */
  skipped: string[];
}

/** Reads CRDs (when asked) and the referenced kinds in the documents' namespaces. */
export async function readClusterView(
  client: ClusterClient,
  docs: readonly SourceDoc[],
  opts: { crds: boolean },
): Promise<ClusterView> {
  const { listCrds } = await import('../cluster/index.js');
  const namespaces = new Set(docs.map((d) => d.object.metadata.namespace ?? client.defaultNamespace));
  for (const d of docs)
    if (d.object.kind === 'Namespace' && d.object.metadata.name) namespaces.delete(d.object.metadata.name);
  const objects: Manifest[] = [];
  const skipped: string[] = [];
  for (const k of REFERENCED) {
    const scopes = k.clusterScoped ? [undefined] : [...namespaces];
    for (const namespace of scopes) {
      try {
        const items = await client.list(k.apiVersion, k.kind, namespace ? { namespace } : {});
        for (const o of items) objects.push({ ...o, apiVersion: o.apiVersion ?? k.apiVersion, kind: o.kind ?? k.kind });
      } catch (err) {
        skipped.push(`${k.kind}${namespace ? ` in ${namespace}` : ''}: ${(err as Error).message.split('\n')[0]}`);
        break;
      }
    }
  }
  return { context: client.context, objects, skipped, ...(opts.crds ? { crds: await listCrds(client) } : {}) };
}
