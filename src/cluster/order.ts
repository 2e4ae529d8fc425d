import type { Manifest } from '../model/manifest.js';

/**
 * Apply stages, in order. Backends (Services, Deployments) come before routes so that a route's
 * ResolvedRefs can turn True while we wait for it; policies come after the routes and Gateways they target.
 */
const STAGES: readonly (readonly string[])[] = [
  ['Namespace', 'CustomResourceDefinition'],
  [
    'ServiceAccount',
    'Secret',
    'ConfigMap',
    'ClusterIssuer',
    'Issuer',
    'Certificate',
    'TriggerAuthentication',
    'ClusterTriggerAuthentication',
  ],
  ['Service', 'Deployment', 'StatefulSet', 'DaemonSet'],
  ['EnvoyProxy', 'GatewayClass', 'ReferenceGrant', 'Backend', 'HTTPRouteFilter'],
  ['Gateway', 'ListenerSet'],
  ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'],
  [
    'BackendTrafficPolicy',
    'ClientTrafficPolicy',
    'SecurityPolicy',
    'EnvoyExtensionPolicy',
    'EnvoyPatchPolicy',
    'BackendTLSPolicy',
  ],
  ['ScaledObject', 'HorizontalPodAutoscaler', 'PodDisruptionBudget'],
];

/** Stage number of a kind (0 = first); unknown kinds go last. */
export function applyStage(obj: Pick<Manifest, 'kind'>): number {
  const i = STAGES.findIndex((s) => s.includes(obj.kind));
  if (i >= 0) return i;
  return /Policy$/.test(obj.kind) ? 6 : STAGES.length;
}

/** Stable sort into dependency order; returns groups of items that share a stage. */
export function orderForApply<T>(items: readonly T[], manifestOf: (t: T) => Pick<Manifest, 'kind'>): T[][] {
  const groups = new Map<number, T[]>();
  for (const it of items) {
    const s = applyStage(manifestOf(it));
    groups.set(s, [...(groups.get(s) ?? []), it]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
}
