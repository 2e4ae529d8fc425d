import type { Diagnostic } from '../../model/diagnostic.js';

/** One served version of a CustomResourceDefinition, as the schema validator needs it. */
export interface CrdVersion {
  /** `metadata.name` of the CRD, `<plural>.<group>`. */
  crdName: string;
  group: string;
  version: string;
  kind: string;
  plural: string;
  scope: 'Namespaced' | 'Cluster';
  /** `openAPIV3Schema` of this version (may be undefined for schema-less legacy CRDs). */
  schema: Record<string, unknown> | undefined;
  storage: boolean;
  /** The status subresource is enabled: `status` in a manifest is ignored on create. */
  statusSubresource: boolean;
  /** Where the CRD came from (file path, `<cluster>`, URL...). */
  source: string;
}

const gkKey = (group: string, kind: string) => `${group}/${kind}`;

/**
 * Served CRD versions indexed by group/version/kind. When a CRD with the same name (or a
 * CRD defining the same group/kind) is added twice, the last one wins and an info
 * diagnostic says which source replaced which.
 */
export class CrdSet {
  private readonly byGk = new Map<string, Map<string, CrdVersion>>();
  private readonly crdOfGk = new Map<string, { crdName: string; source: string }>();
  readonly diagnostics: Diagnostic[] = [];

  /** Adds one `apiextensions.k8s.io/v1` CustomResourceDefinition object. Problems become diagnostics. */
  add(crd: unknown, source: string): void {
    const parsed = parseCrd(crd, source);
    if (typeof parsed === 'string') {
      this.diagnostics.push({ code: 'crds/invalid-crd', severity: 'warning', file: source, message: parsed });
      return;
    }
    const { group, kind, versions, crdName } = parsed;
    const key = gkKey(group, kind);
    const previous = this.crdOfGk.get(key);
    if (previous) {
      this.diagnostics.push({
        code: 'crds/replaced',
        severity: 'info',
        file: source,
        message: `CRD ${crdName} (${kind}) from ${source} replaces the one loaded from ${previous.source}`,
        hint: 'the last source given wins; reorder --crds if the other one should be used',
      });
    }
    const byVersion = new Map<string, CrdVersion>();
    for (const v of versions) byVersion.set(v.version, v);
    this.byGk.set(key, byVersion);
    this.crdOfGk.set(key, { crdName, source });
  }

  /** The served version for this group/version/kind, if any. */
  get(group: string, version: string, kind: string): CrdVersion | undefined {
    return this.byGk.get(gkKey(group, kind))?.get(version);
  }

  /** True when some CRD defines this group/kind (whatever the version). */
  hasKind(group: string, kind: string): boolean {
    return this.byGk.has(gkKey(group, kind));
  }

  /** Served versions of a group/kind, in CRD order. */
  versionsOf(group: string, kind: string): string[] {
    return [...(this.byGk.get(gkKey(group, kind))?.keys() ?? [])];
  }

  /** Every served version of every CRD. */
  *entries(): IterableIterator<CrdVersion> {
    for (const m of this.byGk.values()) yield* m.values();
  }

  /** Number of group/kinds defined. */
  get size(): number {
    return this.byGk.size;
  }
}

/** True for an `apiextensions.k8s.io` CustomResourceDefinition object. */
export function isCrdObject(v: unknown): boolean {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return (
    o.kind === 'CustomResourceDefinition' &&
    typeof o.apiVersion === 'string' &&
    o.apiVersion.startsWith('apiextensions.k8s.io/')
  );
}

interface ParsedCrd {
  crdName: string;
  group: string;
  kind: string;
  versions: CrdVersion[];
}

function parseCrd(crd: unknown, source: string): ParsedCrd | string {
  if (!isCrdObject(crd)) return `${source}: not a CustomResourceDefinition`;
  const o = crd as { apiVersion: string; metadata?: { name?: string }; spec?: Record<string, unknown> };
  if (o.apiVersion !== 'apiextensions.k8s.io/v1') {
    return `${source}: CRD ${o.metadata?.name ?? '?'} uses ${o.apiVersion}; only apiextensions.k8s.io/v1 is supported`;
  }
  const spec = o.spec ?? {};
  const names = (spec.names ?? {}) as { kind?: string; plural?: string };
  const group = spec.group;
  if (typeof group !== 'string' || typeof names.kind !== 'string') {
    return `${source}: CRD ${o.metadata?.name ?? '?'} has no spec.group or spec.names.kind`;
  }
  const plural = names.plural ?? `${names.kind.toLowerCase()}s`;
  const crdName = o.metadata?.name ?? `${plural}.${group}`;
  const scope = spec.scope === 'Cluster' ? 'Cluster' : 'Namespaced';
  const versions: CrdVersion[] = [];
  for (const raw of (spec.versions ?? []) as Record<string, unknown>[]) {
    if (!raw || raw.served === false || typeof raw.name !== 'string') continue;
    const schema = (raw.schema as { openAPIV3Schema?: Record<string, unknown> } | undefined)?.openAPIV3Schema;
    const sub = raw.subresources as { status?: unknown } | undefined;
    versions.push({
      crdName,
      group,
      version: raw.name,
      kind: names.kind,
      plural,
      scope,
      schema,
      storage: raw.storage === true,
      statusSubresource: sub?.status !== undefined,
      source,
    });
  }
  if (versions.length === 0) return `${source}: CRD ${crdName} serves no version`;
  return { crdName, group, kind: names.kind, versions };
}
