import type { Manifest } from '../model/manifest.js';
import type { ClusterClient } from './client.js';

/**
 * The cluster's CustomResourceDefinitions (apiextensions.k8s.io/v1), as the API returns them.
 * The validator uses these for `--crds cluster`.
 */
export async function listCrds(client: ClusterClient): Promise<Manifest[]> {
  return client.list('apiextensions.k8s.io/v1', 'CustomResourceDefinition');
}

/** `v1.6.1` / `2.20.2` → [1, 6, 1]; undefined when not a version. */
export function parseVersion(v: string | undefined): number[] | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(v ?? '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

/** Negative when a < b, 0 when equal, positive when a > b. Unparseable versions compare equal. */
export function compareVersions(a: string | undefined, b: string | undefined): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return 0;
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/** The version a CRD advertises: Gateway API bundle-version annotation, else the app.kubernetes.io/version label. */
export function crdVersion(crd: Manifest): string | undefined {
  const a = crd.metadata.annotations ?? {};
  const l = crd.metadata.labels ?? {};
  return (
    a['gateway.networking.k8s.io/bundle-version'] ??
    l['app.kubernetes.io/version'] ??
    l['helm.sh/chart']?.replace(/^.*-(v?\d)/, '$1')
  );
}

/** Names of the versions a CRD serves (`spec.versions[].served`). */
export function servedVersions(crd: Manifest): string[] {
  const vs = (crd as { spec?: { versions?: { name: string; served?: boolean }[] } }).spec?.versions ?? [];
  return vs.filter((v) => v.served !== false).map((v) => v.name);
}
