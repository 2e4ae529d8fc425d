/**
 * The objects the route simulator reads, indexed by kind and `namespace/name`,
 * plus the Kubernetes helpers it needs: namespace labels (with the implicit
 * `kubernetes.io/metadata.name`) and LabelSelector evaluation.
 */
import { selectorMatches as labelSelectorMatches } from '../../model/labels.js';
import { groupOf, type Manifest } from '../../model/manifest.js';

export const GATEWAY_GROUP = 'gateway.networking.k8s.io';

export interface Indexed {
  gateways: Map<string, Manifest>;
  listenerSets: Map<string, Manifest>;
  httpRoutes: Map<string, Manifest>;
  services: Map<string, Manifest>;
  secrets: Map<string, Manifest>;
  referenceGrants: Manifest[];
  namespaces: Map<string, Manifest>;
  gatewayClasses: Map<string, Manifest>;
  /** Position of each object in the input: the creation order when timestamps are missing. */
  order: Map<Manifest, number>;
}

/** The object entries of a field that should be a list (anything else → empty). */
export function objects(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v)
    ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x))
    : [];
}

export function keyOf(m: Manifest): string {
  return `${m.metadata?.namespace ?? 'default'}/${m.metadata?.name ?? ''}`;
}

export function nsOf(m: Manifest): string {
  return m.metadata?.namespace ?? 'default';
}

/** Indexes the resources by kind; unknown kinds are ignored. Later duplicates replace earlier ones. */
export function indexResources(resources: readonly Manifest[]): Indexed {
  const ix: Indexed = {
    gateways: new Map(),
    listenerSets: new Map(),
    httpRoutes: new Map(),
    services: new Map(),
    secrets: new Map(),
    referenceGrants: [],
    namespaces: new Map(),
    gatewayClasses: new Map(),
    order: new Map(),
  };
  resources.forEach((m, i) => {
    if (!m || typeof m !== 'object' || !m.metadata) return;
    ix.order.set(m, i);
    const g = groupOf(m.apiVersion ?? '');
    if (g === GATEWAY_GROUP) {
      if (m.kind === 'Gateway') ix.gateways.set(keyOf(m), m);
      else if (m.kind === 'ListenerSet' || m.kind === 'XListenerSet') ix.listenerSets.set(keyOf(m), m);
      else if (m.kind === 'HTTPRoute') ix.httpRoutes.set(keyOf(m), m);
      else if (m.kind === 'ReferenceGrant') ix.referenceGrants.push(m);
      else if (m.kind === 'GatewayClass') ix.gatewayClasses.set(m.metadata.name ?? '', m);
    } else if (g === '') {
      if (m.kind === 'Service') ix.services.set(keyOf(m), m);
      else if (m.kind === 'Secret') ix.secrets.set(keyOf(m), m);
      else if (m.kind === 'Namespace') ix.namespaces.set(m.metadata.name ?? '', m);
    }
  });
  return ix;
}

/** Labels of a namespace, including the implicit `kubernetes.io/metadata.name` label. */
export function namespaceLabels(ix: Indexed, ns: string): Record<string, string> {
  const labels = { ...(ix.namespaces.get(ns)?.metadata.labels ?? {}) };
  labels['kubernetes.io/metadata.name'] = ns;
  return labels;
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** metav1.LabelSelector semantics; an empty selector matches everything. */
export function selectorMatches(sel: LabelSelector | undefined, labels: Record<string, string>): boolean {
  return sel !== undefined && labelSelectorMatches(sel, labels);
}

/**
 * Creation order: `creationTimestamp` when both objects carry one and they differ, otherwise equal
 * (the next tie-breaker, `namespace/name`, decides). Negative when `a` is older.
 */
export function compareCreation(a: Manifest, b: Manifest): number {
  const ta = Date.parse(a.metadata?.creationTimestamp ?? '');
  const tb = Date.parse(b.metadata?.creationTimestamp ?? '');
  if (Number.isNaN(ta) || Number.isNaN(tb) || ta === tb) return 0;
  return ta - tb;
}

/** Does a ReferenceGrant in `toNs` allow `fromKind` objects of `fromNs` to reference `toKind/toName`? */
export function referenceGranted(
  ix: Indexed,
  from: { group: string; kind: string; namespace: string },
  to: { group: string; kind: string; namespace: string; name: string },
): boolean {
  for (const rg of ix.referenceGrants) {
    if (nsOf(rg) !== to.namespace) continue;
    const spec = (rg as { spec?: { from?: unknown[]; to?: unknown[] } }).spec;
    const froms = objects(spec?.from) as { group?: string; kind?: string; namespace?: string }[];
    const tos = objects(spec?.to) as { group?: string; kind?: string; name?: string }[];
    const fromOk = froms.some(
      (f) => (f.group ?? '') === from.group && f.kind === from.kind && f.namespace === from.namespace,
    );
    if (!fromOk) continue;
    const toOk = tos.some((t) => (t.group ?? '') === to.group && t.kind === to.kind && (!t.name || t.name === to.name));
    if (toOk) return true;
  }
  return false;
}
