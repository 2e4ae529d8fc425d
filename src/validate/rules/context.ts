import type { Severity } from '../../model/diagnostic.js';
import { groupOf, type Manifest, type SourceDoc } from '../../model/manifest.js';
import type { Entry, RuleContext, RuleOptions } from './rule.js';

/** Kinds without a namespace (the ones these rules meet). */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'GatewayClass',
  'ClusterIssuer',
  'ClusterTriggerAuthentication',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
  'PersistentVolume',
  'StorageClass',
  'IngressClass',
  'Node',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'PriorityClass',
]);

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}

const keyOf = (kind: string, namespace: string | undefined, name: string) =>
  `${kind}\u0000${namespace ?? ''}\u0000${name}`;

/** Builds the indexed view the rules read. Pure: the inputs are not modified. */
export function createRuleContext(docs: readonly SourceDoc[], options: RuleOptions = {}): RuleContext {
  const defaultNamespace = options.defaultNamespace ?? 'default';
  const namespaceOf = (m: Manifest): string | undefined =>
    isClusterScoped(m.kind) ? undefined : (m.metadata?.namespace ?? defaultNamespace);
  const toEntry = (object: Manifest, doc: SourceDoc | undefined, fromCluster: boolean): Entry => ({
    object,
    doc,
    fromCluster,
    namespace: namespaceOf(object),
    name: typeof object.metadata?.name === 'string' ? object.metadata.name : '',
  });

  const setByKind = new Map<string, Entry[]>();
  const allByKind = new Map<string, Entry[]>();
  const byKey = new Map<string, Entry>();
  const add = (e: Entry) => {
    const k = keyOf(e.object.kind, e.namespace, e.name);
    if (byKey.has(k)) return false;
    byKey.set(k, e);
    const list = allByKind.get(e.object.kind) ?? [];
    list.push(e);
    allByKind.set(e.object.kind, list);
    return true;
  };
  for (const doc of docs) {
    const e = toEntry(doc.object, doc, false);
    const list = setByKind.get(e.object.kind) ?? [];
    list.push(e);
    setByKind.set(e.object.kind, list);
    add(e);
  }
  for (const m of options.clusterObjects ?? []) add(toEntry(m, undefined, true));

  const byGroup = (list: Entry[] | undefined, group?: string) =>
    (list ?? []).filter((e) => group === undefined || groupOf(e.object.apiVersion) === group);
  const connected = options.clusterObjects !== undefined;

  return {
    docs,
    options,
    connected,
    ofKind: (kind, group) => byGroup(setByKind.get(kind), group),
    allOfKind: (kind, group) => byGroup(allByKind.get(kind), group),
    find(kind, namespace, name, group) {
      const e = byKey.get(keyOf(kind, isClusterScoped(kind) ? undefined : namespace, name));
      if (!e || (group !== undefined && groupOf(e.object.apiVersion) !== group)) return undefined;
      return e;
    },
    namespaceOf,
    missingSeverity: (): Severity => (connected ? 'error' : (options.missingReferenceSeverity ?? 'warning')),
  };
}
