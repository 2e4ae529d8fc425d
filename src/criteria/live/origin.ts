import { isIP } from 'node:net';

/** A criterion URL and where it is really sent. */
export interface Target {
  /** The URL as the spec wrote it. */
  original: string;
  /** Where the request goes. */
  url: string;
  mapped: boolean;
  /** `Host` header to send when mapped (the original host:port). */
  hostHeader?: string;
  /** TLS SNI / certificate name: the original host unless it is an IP. */
  servername?: string;
}

/** Parses `--origin FROM=TO` flags into a map; returns the bad ones as messages. */
export function parseOrigins(flags: readonly string[]): { origins: Record<string, string>; errors: string[] } {
  const origins: Record<string, string> = {};
  const errors: string[] = [];
  for (const f of flags) {
    const eq = f.indexOf('=');
    const from = eq > 0 ? originOf(f.slice(0, eq)) : undefined;
    const to = eq > 0 ? originOf(f.slice(eq + 1)) : undefined;
    if (!from || !to)
      errors.push(
        `--origin ${f}: expected FROM=TO with two http(s) URLs, e.g. http://localhost:8080=http://127.0.0.1:18080`,
      );
    else origins[from] = to;
  }
  return { origins, errors };
}

/** Applies the origin map to a URL; Host and SNI stay as in the original URL. */
export function mapOrigin(url: string, origins: Record<string, string> = {}): Target {
  const u = new URL(url);
  const bare = u.hostname.replace(/^\[|\]$/g, '');
  const servername = isIP(bare) ? undefined : bare;
  const key = Object.keys(origins).find((k) => originOf(k) === u.origin);
  if (!key) return { original: url, url, mapped: false, servername };
  const to = new URL(origins[key]);
  const mapped = new URL(u.pathname + u.search, to.origin);
  return { original: url, url: mapped.toString(), mapped: true, hostHeader: u.host, servername };
}

function originOf(s: string): string | undefined {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}
