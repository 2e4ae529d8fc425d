import type { Manifest } from '../model/manifest.js';

/** Apply order: what others depend on first. Kinds not listed go last, in input order. */
export const APPLY_ORDER = [
  'Namespace',
  'Secret',
  'ConfigMap',
  'Issuer',
  'ClusterIssuer',
  'Certificate',
  'ReferenceGrant',
  'GatewayClass',
  'EnvoyProxy',
  'Gateway',
  'ListenerSet',
  'Service',
  'Deployment',
  'StatefulSet',
  'HTTPRoute',
  'GRPCRoute',
  'ClientTrafficPolicy',
  'SecurityPolicy',
  'BackendTrafficPolicy',
  'ScaledObject',
  'HorizontalPodAutoscaler',
] as const;

export function applyRank(kind: string): number {
  const i = (APPLY_ORDER as readonly string[]).indexOf(kind);
  return i < 0 ? APPLY_ORDER.length : i;
}

/** Stable sort into apply order. */
export function sortForApply<T extends Pick<Manifest, 'kind'>>(objects: readonly T[]): T[] {
  return objects
    .map((o, i) => ({ o, i }))
    .sort((a, b) => applyRank(a.o.kind) - applyRank(b.o.kind) || a.i - b.i)
    .map((x) => x.o);
}
