/** Gateway API hostname semantics (gateway-api.md §1) and certificate name coverage (RFC 6125). */

const lower = (h: string) => h.toLowerCase().replace(/\.$/, '');

/** Gateway API wildcard: `*.example.com` matches one or more labels before `.example.com`, never the apex. */
export function gatewayWildcardMatches(pattern: string, host: string): boolean {
  const p = lower(pattern);
  const h = lower(host);
  if (!p.startsWith('*.')) return p === h;
  const suffix = p.slice(1);
  return h.endsWith(suffix) && h.length > suffix.length;
}

/** Listener hostname ∩ route hostname is non-empty (empty means `*`). */
export function hostnamesIntersect(listener: string | undefined, route: string | undefined): boolean {
  if (!listener || !route) return true;
  const l = lower(listener);
  const r = lower(route);
  if (l === r) return true;
  if (l.startsWith('*.') && r.startsWith('*.')) return l.endsWith(r.slice(1)) || r.endsWith(l.slice(1));
  if (l.startsWith('*.')) return gatewayWildcardMatches(l, r);
  if (r.startsWith('*.')) return gatewayWildcardMatches(r, l);
  return false;
}

/**
 * Does a certificate name (SAN dNSName or CN) cover the listener hostname?
 * A certificate wildcard covers exactly one label (RFC 6125); a wildcard listener is covered only by the same wildcard.
 */
export function certNameCovers(certName: string, hostname: string): boolean {
  const c = lower(certName);
  const h = lower(hostname);
  if (c === h) return true;
  if (!c.startsWith('*.') || h.startsWith('*.')) return false;
  const rest = h.indexOf('.');
  return rest > 0 && h.slice(rest) === c.slice(1);
}
