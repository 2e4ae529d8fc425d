import { docsFromObjects } from '../model/load-yaml.js';
import type { Manifest, SourceDoc } from '../model/manifest.js';

/** Cluster functions take parsed documents (with positions) or plain objects. */
export type ClusterInput = readonly (SourceDoc | Manifest)[];

function isSourceDoc(x: SourceDoc | Manifest): x is SourceDoc {
  return typeof (x as SourceDoc).positionOf === 'function' && typeof (x as SourceDoc).object === 'object';
}

/** Normalizes input to SourceDocs (plain objects get file `<generated>` and their array index). */
export function toDocs(input: ClusterInput): SourceDoc[] {
  return input.map((x, i) => (isSourceDoc(x) ? x : { ...docsFromObjects([x])[0], index: i }));
}
