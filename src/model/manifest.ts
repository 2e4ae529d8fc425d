/** A Kubernetes object as plain data. */
export interface ObjectMeta {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: string;
  [key: string]: unknown;
}

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * One document of a multi-document YAML stream, with where it came from.
 * `positionOf` maps a field path to its line/column (1-based) in the source text.
 */
export interface SourceDoc {
  object: Manifest;
  /** File name, or `<stdin>` / `<generated>`. */
  file?: string;
  /** 0-based index of the document in its file. */
  index: number;
  positionOf(path: readonly (string | number)[]): SourcePosition | undefined;
}

/** `group/version` → group ('' for core). */
export function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}

export function versionOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? apiVersion : apiVersion.slice(i + 1);
}

export function refOf(m: Manifest): { apiVersion: string; kind: string; namespace?: string; name?: string } {
  return { apiVersion: m.apiVersion, kind: m.kind, namespace: m.metadata?.namespace, name: m.metadata?.name };
}

/** `Kind ns/name` for messages. */
export function describe(m: { kind: string; metadata?: ObjectMeta }): string {
  const ns = m.metadata?.namespace;
  const name = m.metadata?.name ?? '<unnamed>';
  return `${m.kind} ${ns ? `${ns}/` : ''}${name}`;
}

export function isManifest(v: unknown): v is Manifest {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return typeof o.apiVersion === 'string' && typeof o.kind === 'string';
}
