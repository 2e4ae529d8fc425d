import type { ClusterClient } from '../../cluster/client.js';
import { inClusterService } from '../../cluster/prometheus.js';
import type { Manifest } from '../../model/manifest.js';
import { parsePromAnswer } from '../../probe/index.js';
import { type PrinterColumn, printerColumns } from './printer-columns.js';
import type { LiveCluster } from './types.js';

/** Lower-case kubectl kind (as the spec parser normalises it) → apiVersion and Kind. */
const KINDS: Record<string, [string, string]> = {
  scaledobject: ['keda.sh/v1alpha1', 'ScaledObject'],
  scaledjob: ['keda.sh/v1alpha1', 'ScaledJob'],
  triggerauthentication: ['keda.sh/v1alpha1', 'TriggerAuthentication'],
  clustertriggerauthentication: ['keda.sh/v1alpha1', 'ClusterTriggerAuthentication'],
  backendtrafficpolicy: ['gateway.envoyproxy.io/v1alpha1', 'BackendTrafficPolicy'],
  clienttrafficpolicy: ['gateway.envoyproxy.io/v1alpha1', 'ClientTrafficPolicy'],
  securitypolicy: ['gateway.envoyproxy.io/v1alpha1', 'SecurityPolicy'],
  envoyproxy: ['gateway.envoyproxy.io/v1alpha1', 'EnvoyProxy'],
  envoyextensionpolicy: ['gateway.envoyproxy.io/v1alpha1', 'EnvoyExtensionPolicy'],
  envoypatchpolicy: ['gateway.envoyproxy.io/v1alpha1', 'EnvoyPatchPolicy'],
  backend: ['gateway.envoyproxy.io/v1alpha1', 'Backend'],
  gateway: ['gateway.networking.k8s.io/v1', 'Gateway'],
  gatewayclass: ['gateway.networking.k8s.io/v1', 'GatewayClass'],
  httproute: ['gateway.networking.k8s.io/v1', 'HTTPRoute'],
  grpcroute: ['gateway.networking.k8s.io/v1', 'GRPCRoute'],
  referencegrant: ['gateway.networking.k8s.io/v1beta1', 'ReferenceGrant'],
  horizontalpodautoscaler: ['autoscaling/v2', 'HorizontalPodAutoscaler'],
  deployment: ['apps/v1', 'Deployment'],
  replicaset: ['apps/v1', 'ReplicaSet'],
  service: ['v1', 'Service'],
  pod: ['v1', 'Pod'],
  namespace: ['v1', 'Namespace'],
  secret: ['v1', 'Secret'],
  configmap: ['v1', 'ConfigMap'],
  endpoints: ['v1', 'Endpoints'],
  certificate: ['cert-manager.io/v1', 'Certificate'],
  issuer: ['cert-manager.io/v1', 'Issuer'],
  clusterissuer: ['cert-manager.io/v1', 'ClusterIssuer'],
};

/** apiVersion and Kind for a kind as written in a spec (`scaledobject`, `ScaledObject`, `so` after normalising). */
export function resolveKind(kind: string): { apiVersion: string; kind: string } | undefined {
  const k = KINDS[kind.toLowerCase()];
  return k ? { apiVersion: k[0], kind: k[1] } : undefined;
}

/**
 * A read-only LiveCluster over the cluster module's client. Printer columns are computed from the CRD's
 * `additionalPrinterColumns` (what `kubectl get` shows for custom resources); built-in kinds get NAME and AGE.
 * In-cluster Prometheus addresses are queried through the API server's service proxy. Secret data is never returned.
 */
export function liveClusterFrom(client: ClusterClient, opts: { now?: () => Date } = {}): LiveCluster {
  const now = opts.now ?? (() => new Date());
  const crdColumns = new Map<string, Promise<PrinterColumn[]>>();

  const get = async (kind: string, name: string, namespace?: string): Promise<Manifest | undefined> => {
    const r = resolveKind(kind);
    if (!r) throw new Error(`unknown kind ${kind}: cannot tell its API group`);
    const obj = await client.get({ apiVersion: r.apiVersion, kind: r.kind, metadata: { name, namespace } });
    if (obj && r.kind === 'Secret') {
      const { data, stringData, ...rest } = obj as Manifest & { data?: Record<string, string>; stringData?: unknown };
      return { ...rest, data: Object.fromEntries(Object.keys(data ?? {}).map((k) => [k, '<redacted>'])) } as Manifest;
    }
    return obj;
  };

  const columnsOf = (apiVersion: string, kind: string): Promise<PrinterColumn[]> => {
    const key = `${apiVersion}/${kind}`;
    let p = crdColumns.get(key);
    if (!p) {
      p = (async () => {
        if (!apiVersion.includes('/')) return [];
        const info = await client.resourceFor(apiVersion, kind);
        const [group, version] = apiVersion.split('/');
        if (!info || !group.includes('.')) return [];
        const crd = (await client.get({
          apiVersion: 'apiextensions.k8s.io/v1',
          kind: 'CustomResourceDefinition',
          metadata: { name: `${info.name}.${group}` },
        })) as { spec?: { versions?: { name: string; additionalPrinterColumns?: PrinterColumn[] }[] } } | undefined;
        const v = crd?.spec?.versions?.find((x) => x.name === version);
        return (v?.additionalPrinterColumns ?? []).filter((c) => !c.priority);
      })();
      crdColumns.set(key, p);
    }
    return p;
  };

  return {
    async getObject(kind, name, namespace) {
      return (await get(kind, name, namespace)) as Record<string, unknown> | undefined;
    },
    async prometheusQuery(serverAddress, query, timeoutMs) {
      const url = new URL(serverAddress);
      const svc = inClusterService(url);
      if (!svc) return undefined;
      const base = url.pathname.replace(/\/$/, '');
      const res = await client.request(
        'GET',
        `/api/v1/namespaces/${svc.namespace}/services/${svc.name}:${svc.port}/proxy${base}/api/v1/query`,
        {
          query: { query },
          timeoutMs,
        },
      );
      return parsePromAnswer(
        res.status,
        res.text,
        `${serverAddress} (service proxy ${svc.namespace}/${svc.name}:${svc.port})`,
        query,
      );
    },
    async printerColumns(kind, name, namespace) {
      const obj = await get(kind, name, namespace);
      if (!obj) return undefined;
      return printerColumns(
        obj as unknown as Record<string, unknown>,
        await columnsOf(obj.apiVersion, obj.kind),
        now(),
      );
    },
  };
}
