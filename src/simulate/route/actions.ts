/**
 * What a matched rule does (reference §5–6): RequestRedirect (status, Location), URLRewrite
 * (host, path) and the weighted choice among backendRefs, where invalid refs take their share as 500.
 */
import type { CompiledMatch } from './model.js';
import type { RedirectResult, SimResult } from './types.js';

type Raw = Record<string, unknown>;

const DEFAULT_PORT: Record<string, number> = { http: 80, https: 443 };

/**
 * ReplacePrefixMatch: the matched prefix's path elements are replaced; trailing slashes of the
 * prefix and replacement are ignored (`/foo/bar` − `/foo` + `/xyz` → `/xyz/bar`; `/foo` + `` → `/`).
 */
export function replacePrefix(path: string, prefix: string, replacement: string): string {
  const p = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  const r = replacement.endsWith('/') ? replacement.slice(0, -1) : replacement;
  const rest = path.slice(p.length);
  const out = r + rest;
  if (out === '') return '/';
  return out.startsWith('/') ? out : `/${out}`;
}

/** Applies an HTTPPathModifier to the request path; the match must be PathPrefix for ReplacePrefixMatch. */
export function modifyPath(mod: Raw | undefined, path: string, match: CompiledMatch): string {
  if (!mod) return path;
  if (mod.type === 'ReplaceFullPath') return String(mod.replaceFullPath ?? '/');
  if (mod.type === 'ReplacePrefixMatch' && match.pathType === 'PathPrefix') {
    return replacePrefix(path, match.pathValue, String(mod.replacePrefixMatch ?? ''));
  }
  return path;
}

export interface RedirectInput {
  scheme: 'http' | 'https';
  /** Request host, port stripped. */
  host: string;
  path: string;
  rawQuery?: string;
  listenerPort: number;
}

/**
 * RequestRedirect: scheme defaults to the request's, hostname to the request host, and the port
 * to the scheme's well-known port when a scheme is set, else to the listener port. The port is
 * omitted from Location for http:80 and https:443. Status defaults to 302.
 */
export function applyRedirect(
  f: Raw,
  match: CompiledMatch,
  r: RedirectInput,
): Pick<SimResult, 'status' | 'redirect' | 'location'> {
  const scheme = typeof f.scheme === 'string' && f.scheme !== '' ? f.scheme : r.scheme;
  const host = typeof f.hostname === 'string' && f.hostname !== '' ? f.hostname : r.host;
  let port: number;
  if (f.port !== undefined && f.port !== null) port = Number(f.port);
  else if (typeof f.scheme === 'string' && f.scheme !== '') port = DEFAULT_PORT[scheme] ?? r.listenerPort;
  else port = r.listenerPort;
  const portStr = DEFAULT_PORT[scheme] === port ? null : String(port);
  const path = modifyPath(f.path as Raw | undefined, r.path, match);
  const redirect: RedirectResult = { scheme, host, port: portStr, path };
  const location = `${scheme}://${host}${portStr ? `:${portStr}` : ''}${path}${r.rawQuery ? `?${r.rawQuery}` : ''}`;
  return { status: f.statusCode === undefined ? 302 : Number(f.statusCode), redirect, location };
}

/** URLRewrite: the upstream host and/or path. */
export function applyRewrite(f: Raw, match: CompiledMatch, path: string): { host?: string; path?: string } {
  const out: { host?: string; path?: string } = {};
  if (typeof f.hostname === 'string' && f.hostname !== '') out.host = f.hostname;
  if (f.path) out.path = modifyPath(f.path as Raw, path, match);
  return out;
}

/**
 * Backend choice of a forwarding rule. Weights are fractions of their sum (default 1, zero allowed).
 * No backendRefs, all weights zero, or only invalid refs → 500; a mix reports the split with the
 * invalid share named in `reason`.
 */
export function chooseBackend(
  match: CompiledMatch,
): Pick<SimResult, 'status' | 'backend' | 'weightedBackends' | 'reason'> {
  const backends = match.rule.backends;
  if (backends.length === 0) return { status: 500, reason: 'the rule has no backendRefs (and no redirect)' };
  const total = backends.reduce((s, b) => s + (Number.isFinite(b.weight) ? Math.max(0, b.weight) : 0), 0);
  if (total === 0)
    return {
      status: 500,
      reason: 'every backendRef has weight 0 (Envoy Gateway answers 500; the spec leaves the code open)',
    };
  const weighted: Record<string, number> = {};
  let invalidShare = 0;
  const invalidWhy: string[] = [];
  for (const b of backends) {
    const share = Math.max(0, b.weight) / total;
    weighted[b.key] = (weighted[b.key] ?? 0) + share;
    if (b.invalid && share > 0) {
      invalidShare += share;
      invalidWhy.push(`${b.key}: ${b.invalid}${b.message ? ` (${b.message})` : ''}`);
    }
  }
  const nonZero = backends.filter((b) => b.weight > 0);
  if (invalidShare >= 1 - 1e-12) {
    return { status: 500, reason: `no valid backend: ${invalidWhy.join('; ')}` };
  }
  const result: Pick<SimResult, 'status' | 'backend' | 'weightedBackends' | 'reason'> = { status: 200 };
  if (backends.length > 1) result.weightedBackends = weighted;
  const distinct = new Set(nonZero.map((b) => b.key));
  if (distinct.size === 1) result.backend = nonZero[0].key;
  if (invalidShare > 0) {
    result.reason = `${Math.round(invalidShare * 1000) / 10}% of requests get 500: ${invalidWhy.join('; ')}`;
  }
  return result;
}
