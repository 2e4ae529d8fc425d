import type { Diagnostic, ResourceRef } from '../model/diagnostic.js';
import { groupOf, type Manifest, refOf, type SourceDoc } from '../model/manifest.js';
import type { ClusterClient } from './client.js';
import { type ClusterInput, toDocs } from './docs.js';
import { componentOfGroup, INSTALL } from './install.js';
import { failureToDiagnostics } from './rejection.js';

/** What the server would do with one object. `skipped`: its namespace is created by this same stack. */
export type DryRunAction = 'created' | 'configured' | 'unchanged' | 'failed' | 'skipped';

export interface DryRunObject {
  ref: ResourceRef;
  file?: string;
  index: number;
  action: DryRunAction;
  diagnostics: Diagnostic[];
}

export interface DryRunResult {
  /** False when any object was rejected. */
  ok: boolean;
  context: string;
  server: string;
  objects: DryRunObject[];
  /** All diagnostics of all objects, in document order. */
  diagnostics: Diagnostic[];
}

export interface DryRunOptions {
  /** Server-side apply field manager (default `traffic-engineer`). */
  fieldManager?: string;
}

export const FIELD_MANAGER = 'traffic-engineer';

const VOLATILE_META = ['managedFields', 'resourceVersion', 'generation', 'creationTimestamp', 'uid', 'selfLink'];

/** The object without status and server bookkeeping, for "would anything change?" comparisons. */
export function comparable(m: Manifest): unknown {
  const { status: _s, metadata, ...rest } = m as Manifest & { status?: unknown };
  const meta: Record<string, unknown> = { ...metadata };
  for (const k of VOLATILE_META) delete meta[k];
  return sortKeys({ ...rest, metadata: meta });
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v as object)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

function unknownKind(doc: SourceDoc): Diagnostic {
  const comp = componentOfGroup(groupOf(doc.object.apiVersion));
  return {
    code: 'cluster/unknown-kind',
    severity: 'error',
    resource: refOf(doc.object),
    file: doc.file,
    message: `the cluster does not serve ${doc.object.kind} in ${doc.object.apiVersion} (its CRD is not installed, or that version is not served)`,
    hint: comp ? `install it:\n${INSTALL[comp]}` : 'install the CRD that defines this kind',
  };
}

/** Dry-runs one document: server-side apply with dryRun=All, compared with the live object. */
async function dryRunOne(
  client: ClusterClient,
  doc: SourceDoc,
  fieldManager: string,
  stackNamespaces: Set<string>,
): Promise<DryRunObject> {
  const base = { ref: refOf(doc.object), file: doc.file, index: doc.index };
  const out = await client.apply(doc.object, { dryRun: true, fieldManager });
  if (!out.ok) {
    if (out.failure.reason === 'NoKind') return { ...base, action: 'failed', diagnostics: [unknownKind(doc)] };
    const missingNs =
      out.failure.status === 404 ? /namespaces "([^"]+)" not found/.exec(out.failure.message)?.[1] : undefined;
    if (missingNs && stackNamespaces.has(missingNs)) return { ...base, action: 'skipped', diagnostics: [] };
    return { ...base, action: 'failed', diagnostics: failureToDiagnostics(out.failure, doc) };
  }
  const live = await client.get(doc.object);
  if (!live) return { ...base, action: 'created', diagnostics: [] };
  const same = JSON.stringify(comparable(live)) === JSON.stringify(comparable(out.object));
  return { ...base, action: same ? 'unchanged' : 'configured', diagnostics: [] };
}

/**
 * Server-side dry-run of a stack: every object is sent as a server-side apply (PATCH
 * `application/apply-patch+yaml`, `dryRun=All`, `force=true`, our field manager). Nothing is persisted.
 * Each object's result is `created`, `configured` or `unchanged` (the dry-run result compared with a GET of the
 * live object); rejections become `cluster/rejected` Diagnostics on their document and field path.
 * Throws ClusterError only when the cluster cannot be reached or refuses our credentials.
 */
export async function dryRun(
  client: ClusterClient,
  input: ClusterInput,
  opts: DryRunOptions = {},
): Promise<DryRunResult> {
  const docs = toDocs(input);
  const fieldManager = opts.fieldManager ?? FIELD_MANAGER;
  const stackNamespaces = new Set(
    docs
      .filter((d) => d.object.kind === 'Namespace' && d.object.metadata.name)
      .map((d) => d.object.metadata.name as string),
  );
  const objects: DryRunObject[] = [];
  for (const doc of docs) objects.push(await dryRunOne(client, doc, fieldManager, stackNamespaces));
  const diagnostics = objects.flatMap((o) => o.diagnostics);
  const skipped = objects.filter((o) => o.action === 'skipped');
  for (const ns of new Set(skipped.map((o) => o.ref.namespace))) {
    const these = skipped.filter((o) => o.ref.namespace === ns);
    diagnostics.push({
      code: 'cluster/namespace-pending',
      severity: 'info',
      message: `${these.length} object(s) in namespace ${ns} were not dry-run: the namespace does not exist yet (this stack creates it), and the API server only checks objects in existing namespaces`,
      hint: 'apply creates the namespace first and applies these objects after it; any error they have is reported then',
    });
  }
  return {
    ok: objects.every((o) => o.action !== 'failed'),
    context: client.context,
    server: client.server,
    objects,
    diagnostics,
  };
}

/** One line per object: `created  HTTPRoute default/api`. */
export function formatDryRun(r: DryRunResult): string {
  const lines = [`dry-run against context ${r.context} (${r.server}):`];
  for (const o of r.objects) {
    const ns = o.ref.namespace ? `${o.ref.namespace}/` : '';
    lines.push(`  ${o.action.padEnd(10)} ${o.ref.kind} ${ns}${o.ref.name ?? ''}`);
  }
  return lines.join('\n');
}
