import { stringify } from 'yaml';
import { describe as describeObject, type Manifest } from '../model/manifest.js';

/** One multi-document YAML stream. */
export function toYamlStream(manifests: readonly Manifest[]): string {
  return manifests
    .map((m) => stringify(m, { lineWidth: 0, aliasDuplicateObjects: false, version: '1.1' }))
    .join('---\n');
}

/** File name for one resource in a `-o DIR` layout: `NN-kind-name.yaml`, in apply order. */
export function fileNameFor(m: Manifest, index: number): string {
  const safe = (s: string) => s.toLowerCase().replace(/[^a-z0-9.-]/g, '-');
  return `${String(index + 1).padStart(2, '0')}-${safe(m.kind)}-${safe(m.metadata.name ?? 'unnamed')}.yaml`;
}

/** kustomization.yaml listing the resources in apply order. */
export function kustomization(files: readonly string[]): string {
  return stringify(
    { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [...files] },
    { lineWidth: 0 },
  );
}

/** A copy whose Secret data is replaced by a placeholder: for agent-facing output, where keys must never be echoed. */
export function redactSecrets(manifests: readonly Manifest[]): Manifest[] {
  return manifests.map((m) => {
    if (m.kind !== 'Secret' || m.apiVersion !== 'v1') return m;
    const redact = (o: unknown) =>
      o && typeof o === 'object' ? Object.fromEntries(Object.keys(o).map((k) => [k, '<redacted>'])) : o;
    return {
      ...m,
      ...(m.data ? { data: redact(m.data) } : {}),
      ...(m.stringData ? { stringData: redact(m.stringData) } : {}),
    };
  });
}

export function summarize(manifests: readonly Manifest[]): string[] {
  return manifests.map((m) => describeObject(m));
}
