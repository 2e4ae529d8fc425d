import { docsFromObjects } from '../model/load-yaml.js';
import { describe, type Manifest, type SourceDoc } from '../model/manifest.js';

/** Cluster functions take parsed documents (with positions) or plain objects. */
export type ClusterInput = readonly (SourceDoc | Manifest)[];

function isSourceDoc(x: SourceDoc | Manifest): x is SourceDoc {
  return typeof (x as SourceDoc).positionOf === 'function' && typeof (x as SourceDoc).object === 'object';
}

/** Normalizes input to SourceDocs (plain objects get file `<generated>` and their array index). */
export function toDocs(input: ClusterInput): SourceDoc[] {
  return input.map((x, i) => (isSourceDoc(x) ? x : { ...docsFromObjects([x])[0], index: i }));
}

/** `Kind ns/name (file#index)` for messages. */
export function label(doc: SourceDoc): string {
  const where = doc.file && doc.file !== '<generated>' ? ` (${doc.file} document ${doc.index + 1})` : '';
  return `${describe(doc.object)}${where}`;
}

/** Kinds that are cluster-scoped in every cluster we target (discovery is authoritative when available). */
export const CLUSTER_SCOPED = new Set([
  'Namespace',
  'GatewayClass',
  'ClusterIssuer',
  'ClusterTriggerAuthentication',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
]);
