/**
 * Request matching (reference §4): path (Exact, PathPrefix with segment semantics,
 * RegularExpression), method, headers (case-insensitive names) and query parameters
 * (case-sensitive names, first value), and the precedence order between matches.
 */

import type { CompiledMatch, HeaderMatcher } from './model.js';
import { compareCreation } from './resources.js';
import type { SimRequest } from './types.js';

/** A request reduced to what matching needs. */
export interface NormalizedRequest {
  method: string;
  path: string;
  /** Header name (lower-case) → values. */
  headers: Map<string, string[]>;
  /** Query parameter name (case kept) → values in order. */
  query: Map<string, string[]>;
  rawQuery?: string;
}

function parseRawQuery(raw: string, into: Map<string, string[]>): void {
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const dec = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    const k = dec(eq < 0 ? part : part.slice(0, eq));
    const v = dec(eq < 0 ? '' : part.slice(eq + 1));
    into.set(k, [...(into.get(k) ?? []), v]);
  }
}

/**
 * Method upper-cased (default GET); path split from any `?query`; header names lower-cased with
 * all values kept; query from `query`, else parsed from `rawQuery` (or the path's `?…`).
 */
export function normalizeRequest(req: SimRequest): NormalizedRequest {
  let path = req.path || '/';
  let rawQuery = req.rawQuery;
  const q = path.indexOf('?');
  if (q >= 0) {
    rawQuery ??= path.slice(q + 1);
    path = path.slice(0, q);
  }
  const headers = new Map<string, string[]>();
  for (const [k, v] of Object.entries(req.headers ?? {})) {
    const name = k.toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), ...(Array.isArray(v) ? v : [v]).map(String)]);
  }
  const query = new Map<string, string[]>();
  if (req.query) {
    for (const [k, v] of Object.entries(req.query)) query.set(k, (Array.isArray(v) ? v : [v]).map(String));
  } else if (rawQuery) parseRawQuery(rawQuery, query);
  return { method: (req.method ?? 'GET').toUpperCase(), path, headers, query, rawQuery: rawQuery || undefined };
}

/** PathPrefix with segment semantics: `/foo` matches `/foo`, `/foo/` and `/foo/bar`, not `/foobar`. */
export function prefixMatches(prefix: string, path: string): boolean {
  const p = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  if (p === '') return true;
  return path === p || path.startsWith(`${p}/`);
}

function valueMatches(m: HeaderMatcher, value: string): boolean {
  return m.type === 'RegularExpression' ? (m.re?.test(value) ?? false) : m.value === value;
}

/** Does one compiled match accept the request (path AND method AND headers AND query)? */
export function matchAccepts(m: CompiledMatch, r: NormalizedRequest): boolean {
  if (!m.valid) return false;
  if (m.pathType === 'Exact') {
    if (r.path !== m.pathValue) return false;
  } else if (m.pathType === 'PathPrefix') {
    if (!prefixMatches(m.pathValue, r.path)) return false;
  } else if (!m.pathRe?.test(r.path)) return false;
  if (m.method && m.method !== r.method) return false;
  for (const h of m.headers) {
    const vals = r.headers.get(h.name);
    if (!vals || !(vals.some((v) => valueMatches(h, v)) || (vals.length > 1 && valueMatches(h, vals.join(',')))))
      return false;
  }
  for (const q of m.query) {
    const vals = r.query.get(q.name);
    if (!vals || vals.length === 0 || !valueMatches(q, vals[0])) return false; // first value wins
  }
  return true;
}

/**
 * Precedence between two matches serving the same hostname (negative: `a` wins):
 * Exact path, then PathPrefix by length, then RegularExpression (implementation-specific),
 * method, more headers, more query params, older route, `namespace/name`, rule order, match order.
 */
export function compareMatches(a: CompiledMatch, b: CompiledMatch): number {
  if (a.pathRank !== b.pathRank) return b.pathRank - a.pathRank;
  if (a.pathValue.length !== b.pathValue.length) return b.pathValue.length - a.pathValue.length;
  if (!!a.method !== !!b.method) return a.method ? -1 : 1;
  if (a.headers.length !== b.headers.length) return b.headers.length - a.headers.length;
  if (a.query.length !== b.query.length) return b.query.length - a.query.length;
  const ra = a.rule.route;
  const rb = b.rule.route;
  if (ra !== rb) {
    const c = compareCreation(ra.manifest, rb.manifest);
    if (c !== 0) return c;
    if (ra.key !== rb.key) return ra.key < rb.key ? -1 : 1;
  }
  if (a.rule.index !== b.rule.index) return a.rule.index - b.rule.index;
  return a.index - b.index;
}
