import type { PathSegment } from '../../model/diagnostic.js';
import type { Check, Criterion } from '../checks.js';
import type { MarkdownProse } from '../markdown/index.js';

/** A comment to put on the starter YAML at `path`; `todo` ones also go to the TODO list. */
export interface Note {
  path: PathSegment[];
  text: string;
  todo: boolean;
  /** `line`: a comment line above the key (default); `inline`: after a scalar value. */
  at?: 'line' | 'inline';
}

/** What the markdown makes explicit, as read by the extractors. */
export interface Evidence {
  criteria: Criterion[];
  prose: MarkdownProse;
  title?: string;
  file?: string;
}

/** A check with the id of the criterion it belongs to. */
export interface Cited<C extends Check = Check> {
  id: string;
  check: C;
}

/** All checks of a kind, with their criterion ids, in document order. */
export function checksOf<K extends Check['kind']>(ev: Evidence, kind: K): Cited<Extract<Check, { kind: K }>>[] {
  return ev.criteria.flatMap((c) =>
    c.checks.filter((k): k is Extract<Check, { kind: K }> => k.kind === kind).map((check) => ({ id: c.id, check })),
  );
}

/** http, json and burst checks: the ones that carry a URL. */
export function webChecks(ev: Evidence): Cited<Extract<Check, { url: string }>>[] {
  return ev.criteria.flatMap((c) =>
    c.checks
      .filter((k): k is Extract<Check, { url: string }> => k.kind === 'http' || k.kind === 'json' || k.kind === 'burst')
      .map((check) => ({ id: c.id, check })),
  );
}

/** Collects notes while a part of the spec is drafted. */
export class Notes {
  readonly list: Note[] = [];
  note(path: PathSegment[], text: string, at: Note['at'] = 'line'): void {
    this.list.push({ path, text, todo: false, at });
  }
  todo(path: PathSegment[], text: string, at: Note['at'] = 'line'): void {
    this.list.push({ path, text, todo: true, at });
  }
}

/** Lower-case RFC 1123 label from free text ("Task API" → "task-api"), or undefined. */
export function slug(text: string): string | undefined {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(s) ? s : undefined;
}

/** Which criteria an evidence list comes from: "SC-001, SC-003". */
export function cite(items: readonly { id: string }[]): string {
  return [...new Set(items.map((i) => i.id))].join(', ');
}
