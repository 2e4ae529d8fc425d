import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import type { ResourceRef } from '../model/diagnostic.js';
import { describe, type Manifest, refOf } from '../model/manifest.js';
import type { ClusterClient } from './client.js';
import { type ClusterInput, toDocs } from './docs.js';
import { unifiedDiff } from './line-diff.js';

export interface ObjectDiff {
  ref: ResourceRef;
  /** `new`: not in the cluster; `changed`: some field we set differs; `same`: every field we set matches. */
  state: 'new' | 'changed' | 'same';
  /** Unified diff of live (---) vs desired (+++) as YAML, restricted to the fields we set. */
  diff: string;
}

export interface DiffResult {
  context: string;
  objects: ObjectDiff[];
  changed: number;
}

type Obj = Record<string, unknown>;

/**
 * The live value cut down to the shape of the desired value: maps keep only the keys we set (so status,
 * managedFields and most server defaults disappear); lists are compared element by element, and extra live
 * elements are kept so that removals show.
 */
export function project(live: unknown, desired: unknown): unknown {
  if (desired && typeof desired === 'object' && !Array.isArray(desired)) {
    if (!live || typeof live !== 'object' || Array.isArray(live)) return live;
    const out: Obj = {};
    for (const k of Object.keys(desired as Obj))
      if (k in (live as Obj)) out[k] = project((live as Obj)[k], (desired as Obj)[k]);
    return out;
  }
  if (Array.isArray(desired) && Array.isArray(live))
    return live.map((x, i) => (i < desired.length ? project(x, desired[i]) : x));
  return live;
}

function fingerprint(b64: string): string {
  const bytes = Buffer.from(b64, 'base64');
  return `<redacted: ${bytes.length} bytes, sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}>`;
}

/** Secrets: stringData folded into data (as the API server does), every value replaced by a size+hash fingerprint. */
export function redactSecret(m: Obj): Obj {
  const data: Record<string, string> = { ...((m.data as Record<string, string>) ?? {}) };
  for (const [k, v] of Object.entries((m.stringData as Record<string, string>) ?? {}))
    data[k] = Buffer.from(String(v)).toString('base64');
  const { stringData: _drop, ...rest } = m;
  const hasData = m.data !== undefined || m.stringData !== undefined;
  return hasData
    ? { ...rest, data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, fingerprint(v)])) }
    : rest;
}

function lines(v: unknown): string[] {
  return v === undefined ? [] : stringify(v, { lineWidth: 0 }).trimEnd().split('\n');
}

/** Diffs one desired object against its live version (pure). */
export function diffObject(desired: Manifest, live: Manifest | undefined): ObjectDiff {
  const secret = desired.kind === 'Secret';
  const want = secret ? redactSecret(desired as Obj) : (desired as Obj);
  const name = describe(desired);
  const wantLines = lines(want);
  if (!live) {
    return {
      ref: refOf(desired),
      state: 'new',
      diff: [
        `--- live ${name} (absent)`,
        `+++ desired ${name}`,
        `@@ -0,0 +1,${wantLines.length} @@`,
        ...wantLines.map((l) => `+${l}`),
      ].join('\n'),
    };
  }
  const liveView = project(secret ? redactSecret(live as Obj) : live, want);
  const hunks = unifiedDiff(lines(liveView), wantLines);
  return {
    ref: refOf(desired),
    state: hunks ? 'changed' : 'same',
    diff: hunks ? `--- live ${name}\n+++ desired ${name}\n${hunks}` : '',
  };
}

/**
 * Live vs desired for every object, restricted to the fields the stack sets (status, managedFields and server
 * defaults outside those fields are ignored). Secret values are shown only as size and hash.
 */
export async function diff(client: ClusterClient, input: ClusterInput): Promise<DiffResult> {
  const objects: ObjectDiff[] = [];
  for (const doc of toDocs(input)) {
    objects.push(diffObject(doc.object, await client.get(doc.object)));
  }
  return { context: client.context, objects, changed: objects.filter((o) => o.state !== 'same').length };
}

/** All object diffs, then a one-line summary. */
export function formatDiff(r: DiffResult): string {
  const parts = r.objects.filter((o) => o.state !== 'same').map((o) => o.diff);
  const same = r.objects.length - r.changed;
  parts.push(`${r.changed} object(s) differ from context ${r.context}; ${same} unchanged`);
  return parts.join('\n\n');
}
