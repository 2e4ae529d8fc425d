/**
 * Hostname rules of Gateway API v1.6 (reference §1): wildcard matching (one or more labels),
 * Host header normalisation (port stripped), listener/route hostname intersection and specificity.
 */

/** True when `s` is an IPv4 or (bracketed or bare) IPv6 literal. IPs never match a hostname. */
export function isIpLiteral(s: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(s)) return true;
  return s.includes(':') || (s.startsWith('[') && s.endsWith(']'));
}

/** Host header → the name used for matching: lower-case, port stripped (spec: the port MUST be ignored). */
export function normalizeHost(host: string | undefined): string | undefined {
  if (host === undefined) return undefined;
  let h = host.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end < 0 ? h : h.slice(0, end + 1);
  }
  const colon = h.lastIndexOf(':');
  if (colon >= 0 && h.indexOf(':') === colon) h = h.slice(0, colon);
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}

export function isWildcard(pattern: string): boolean {
  return pattern.startsWith('*.');
}

/**
 * Does `host` (a precise name) match `pattern` (precise or `*.suffix`)?
 * A wildcard matches one or more leading labels, never the bare suffix.
 */
export function hostMatches(pattern: string, host: string): boolean {
  if (!isWildcard(pattern)) return pattern === host;
  const suffix = pattern.slice(1); // ".example.com"
  return host.length > suffix.length && host.endsWith(suffix);
}

/**
 * Intersection of a listener hostname and one route hostname (undefined = any).
 * Returns the hostname the route serves on that listener, `'*'` for "any host", or null when disjoint.
 */
export function intersectHostname(listener: string | undefined, route: string | undefined): string | null {
  if (!listener && !route) return '*';
  if (!listener) return route as string;
  if (!route) return listener;
  const lw = isWildcard(listener);
  const rw = isWildcard(route);
  if (!lw && !rw) return listener === route ? route : null;
  if (lw && !rw) return hostMatches(listener, route) ? route : null;
  if (!lw && rw) return hostMatches(route, listener) ? listener : null;
  // both wildcards: one must be a suffix of the other; the more specific one wins
  if (listener === route) return route;
  if (route.endsWith(listener.slice(1))) return route;
  if (listener.endsWith(route.slice(1))) return listener;
  return null;
}

/**
 * Hostnames a route serves on a listener, after intersection. `['*']` means any host.
 * Empty result: the route does not attach to that listener (NoMatchingListenerHostname).
 */
export function routeHostnamesOnListener(listener: string | undefined, routeHostnames: readonly string[]): string[] {
  if (routeHostnames.length === 0) return [intersectHostname(listener, undefined) as string];
  const out: string[] = [];
  for (const r of routeHostnames) {
    const i = intersectHostname(listener, r.toLowerCase());
    if (i !== null && !out.includes(i)) out.push(i);
  }
  return out;
}

/**
 * Specificity score of a hostname pattern that matched: exact beats any wildcard, a longer
 * wildcard beats a shorter one, and "any" (`'*'` / empty) is last.
 */
export function hostnameScore(pattern: string | undefined): number {
  if (!pattern || pattern === '*') return 0;
  if (isWildcard(pattern)) return 1 + pattern.length;
  return 100_000 + pattern.length;
}
