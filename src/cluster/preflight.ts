import type { Manifest } from '../model/manifest.js';
import type { ClusterClient } from './client.js';
import { conditionsOf } from './conditions.js';
import { compareVersions, crdVersion, listCrds, servedVersions } from './crds.js';
import { ClusterError } from './errors.js';
import { type Component, EG_CONTROLLER, EG_NAMESPACE, gatewayClassFix, INSTALL, VERSIONS } from './install.js';
import { checkPrometheus } from './prometheus.js';

/** One line of the preflight report. */
export interface PreflightItem {
  name: string;
  ok: boolean;
  version?: string;
  detail: string;
  /** The exact command(s) that fix it. */
  fix?: string;
}

export interface PreflightResult {
  ok: boolean;
  context: string;
  server: string;
  items: PreflightItem[];
}

export interface PreflightOptions {
  /** GatewayClass that must be accepted by Envoy Gateway (default `eg`). */
  gatewayClass?: string;
  /** True when the stack itself creates that GatewayClass (then its absence is fine). */
  gatewayClassInStack?: boolean;
  /** Components to check (default all four). */
  components?: readonly Component[];
  /** Prometheus base URL a ScaledObject trigger uses; checked only when given. */
  prometheusUrl?: string;
  prometheusTimeoutMs?: number;
}

interface Required {
  component: Component;
  title: string;
  crds: [string, string][]; // [crd name, version that must be served]
  minVersion?: string;
}

const REQUIRED: Required[] = [
  {
    component: 'gateway-api',
    title: 'Gateway API CRDs',
    crds: [
      ['gatewayclasses.gateway.networking.k8s.io', 'v1'],
      ['gateways.gateway.networking.k8s.io', 'v1'],
      ['httproutes.gateway.networking.k8s.io', 'v1'],
      ['referencegrants.gateway.networking.k8s.io', 'v1beta1'],
    ],
    minVersion: 'v1.6.0',
  },
  {
    component: 'envoy-gateway',
    title: 'Envoy Gateway CRDs',
    crds: [
      ['backendtrafficpolicies.gateway.envoyproxy.io', 'v1alpha1'],
      ['clienttrafficpolicies.gateway.envoyproxy.io', 'v1alpha1'],
      ['securitypolicies.gateway.envoyproxy.io', 'v1alpha1'],
      ['envoyproxies.gateway.envoyproxy.io', 'v1alpha1'],
    ],
  },
  {
    component: 'keda',
    title: 'KEDA CRDs',
    crds: [
      ['scaledobjects.keda.sh', 'v1alpha1'],
      ['triggerauthentications.keda.sh', 'v1alpha1'],
    ],
  },
  {
    component: 'cert-manager',
    title: 'cert-manager CRDs',
    crds: [
      ['certificates.cert-manager.io', 'v1'],
      ['issuers.cert-manager.io', 'v1'],
      ['clusterissuers.cert-manager.io', 'v1'],
    ],
  },
];

function crdItem(req: Required, byName: Map<string, Manifest>): PreflightItem {
  const missing = req.crds.filter(([n, v]) => !byName.get(n) || !servedVersions(byName.get(n) as Manifest).includes(v));
  const present = req.crds.map(([n]) => byName.get(n)).filter((c): c is Manifest => !!c);
  const version = present.map(crdVersion).find(Boolean);
  if (missing.length > 0) {
    const what = missing.map(([n, v]) => (byName.get(n) ? `${n} (does not serve ${v})` : n)).join(', ');
    return { name: req.title, ok: false, version, detail: `missing: ${what}`, fix: INSTALL[req.component] };
  }
  const channel = present[0]?.metadata.annotations?.['gateway.networking.k8s.io/channel'];
  if (req.minVersion && version && compareVersions(version, req.minVersion) < 0) {
    return {
      name: req.title,
      ok: false,
      version,
      detail: `installed ${version}; Envoy Gateway ${VERSIONS.envoyGateway} needs Gateway API ${VERSIONS.gatewayApi} (v1.6+)`,
      fix: INSTALL[req.component],
    };
  }
  return {
    name: req.title,
    ok: true,
    version,
    detail: `installed${channel ? ` (${channel} channel)` : ''}: ${req.crds.map(([n]) => n.split('.')[0]).join(', ')}`,
  };
}

async function gatewayClassItem(client: ClusterClient, name: string, inStack: boolean): Promise<PreflightItem> {
  const title = `GatewayClass ${name}`;
  const gc = await client.get({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name } });
  if (!gc) {
    if (inStack) return { name: title, ok: true, detail: 'not installed yet; the stack creates it' };
    return { name: title, ok: false, detail: 'not found', fix: gatewayClassFix(name) };
  }
  const controller = (gc as { spec?: { controllerName?: string } }).spec?.controllerName;
  if (controller !== EG_CONTROLLER) {
    return {
      name: title,
      ok: false,
      detail: `controllerName is ${controller}, not ${EG_CONTROLLER}; Envoy Gateway will ignore it`,
      fix: `use a GatewayClass whose controllerName is ${EG_CONTROLLER}:\n${gatewayClassFix('eg')}`,
    };
  }
  const acc = conditionsOf((gc as { status?: { conditions?: unknown } }).status?.conditions).find(
    (c) => c.type === 'Accepted',
  );
  if (acc?.status !== 'True') {
    const why = acc
      ? `Accepted=${acc.status} (${acc.reason}): ${acc.message ?? ''}`
      : 'no Accepted condition: no running controller has picked it up';
    return {
      name: title,
      ok: false,
      detail: why,
      fix: 'check the Envoy Gateway deployment (next line) and `kubectl describe gatewayclass ' + name + '`',
    };
  }
  return { name: title, ok: true, detail: `Accepted by ${controller}` };
}

async function egDeploymentItem(client: ClusterClient): Promise<PreflightItem> {
  const title = 'Envoy Gateway controller';
  let dep = await client.get({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'envoy-gateway', namespace: EG_NAMESPACE },
  });
  if (!dep) {
    const all = await client.list('apps/v1', 'Deployment', { namespace: EG_NAMESPACE });
    dep = all.find((d) => JSON.stringify((d as { spec?: unknown }).spec ?? {}).includes('envoyproxy/gateway:'));
  }
  if (!dep)
    return {
      name: title,
      ok: false,
      detail: `no envoy-gateway Deployment in ${EG_NAMESPACE}`,
      fix: INSTALL['envoy-gateway'],
    };
  const d = dep as {
    spec?: { replicas?: number; template?: { spec?: { containers?: { image?: string }[] } } };
    status?: { availableReplicas?: number };
  };
  const image = d.spec?.template?.spec?.containers
    ?.map((c) => c.image ?? '')
    .find((i) => i.includes('envoyproxy/gateway'));
  const version = image?.split(':')[1];
  const avail = d.status?.availableReplicas ?? 0;
  if (avail < 1)
    return {
      name: title,
      ok: false,
      version,
      detail: `deployment ${EG_NAMESPACE}/${dep.metadata.name} has no available replica`,
      fix: `kubectl -n ${EG_NAMESPACE} describe deployment ${dep.metadata.name}`,
    };
  const older =
    version && compareVersions(version, VERSIONS.envoyGateway) < 0
      ? `; older than ${VERSIONS.envoyGateway}, which traffic-engineer targets`
      : '';
  return {
    name: title,
    ok: true,
    version,
    detail: `${avail}/${d.spec?.replicas ?? avail} replicas available in ${EG_NAMESPACE}${older}`,
  };
}

/**
 * Checks the cluster before a dry-run or apply: API reachable (and its version), the Gateway API, Envoy Gateway,
 * KEDA and cert-manager CRDs and their versions, the GatewayClass accepted by Envoy Gateway's controller, the
 * Envoy Gateway deployment, and Prometheus when a URL is given. Every missing piece carries its install command.
 */
export async function preflight(client: ClusterClient, opts: PreflightOptions = {}): Promise<PreflightResult> {
  const items: PreflightItem[] = [];
  const done = () => ({ ok: items.every((i) => i.ok), context: client.context, server: client.server, items });
  try {
    const res = await client.request('GET', '/version');
    const v = (res.body as { gitVersion?: string }).gitVersion;
    const range =
      compareVersions(v, 'v1.33.0') < 0 || compareVersions(v, 'v1.37.0') >= 0
        ? ` (Envoy Gateway ${VERSIONS.envoyGateway} supports Kubernetes 1.33–1.36)`
        : '';
    items.push({
      name: 'Kubernetes API',
      ok: res.status === 200,
      version: v,
      detail: `reachable at ${client.server}, context ${client.context}${range}`,
    });
  } catch (e) {
    if (!(e instanceof ClusterError)) throw e;
    items.push({
      name: 'Kubernetes API',
      ok: false,
      detail: e.message,
      fix:
        e.kind === 'unauthorized'
          ? 'refresh the credentials of this context'
          : 'start the cluster or choose another context with --context',
    });
    return done();
  }
  const components = opts.components ?? ['gateway-api', 'envoy-gateway', 'keda', 'cert-manager'];
  // An RBAC-limited user may not list CRDs or read envoy-gateway-system: report that as a failed item.
  const attempt = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      if (!(e instanceof ClusterError)) throw e;
      items.push({
        name,
        ok: false,
        detail: e.message,
        fix:
          e.kind === 'forbidden'
            ? 'ask for read access (get/list) to this resource, or run preflight with an admin context'
            : undefined,
      });
    }
  };
  let byName = new Map<string, Manifest>();
  if (components.length > 0) {
    await attempt('CustomResourceDefinitions', async () => {
      byName = new Map((await listCrds(client)).map((c) => [c.metadata.name as string, c]));
    });
    if (byName.size === 0 && items.some((i) => i.name === 'CustomResourceDefinitions')) return done();
  }
  for (const req of REQUIRED) if (components.includes(req.component)) items.push(crdItem(req, byName));
  if (components.includes('envoy-gateway')) {
    const gcName = opts.gatewayClass ?? 'eg';
    if (byName.has('gatewayclasses.gateway.networking.k8s.io')) {
      await attempt(`GatewayClass ${gcName}`, async () => {
        items.push(await gatewayClassItem(client, gcName, !!opts.gatewayClassInStack));
      });
    }
    await attempt('Envoy Gateway controller', async () => {
      items.push(await egDeploymentItem(client));
    });
  }
  if (opts.prometheusUrl)
    items.push(await checkPrometheus(client, opts.prometheusUrl, opts.prometheusTimeoutMs ?? 5000));
  return done();
}

/** `✓ name  version  detail` lines, with the fix under each failing item. */
export function formatPreflight(r: PreflightResult): string {
  const lines: string[] = [];
  for (const i of r.items) {
    lines.push(`${i.ok ? 'ok  ' : 'FAIL'} ${i.name}${i.version ? ` ${i.version}` : ''}: ${i.detail}`);
    if (!i.ok && i.fix) lines.push(...i.fix.split('\n').map((l) => `       ${l}`));
  }
  lines.push(r.ok ? 'preflight passed' : 'preflight failed');
  return lines.join('\n');
}
