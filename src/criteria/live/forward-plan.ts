import type { Manifest } from '../../model/manifest.js';
import type { Criterion } from '../../spec/checks.js';

/** One criterion origin to reach through a port-forward to the Gateway's Envoy Service. */
export interface PlannedForward {
  /** e.g. `http://localhost:8080` */
  origin: string;
  scheme: 'http' | 'https';
  /** Envoy Service port = the Gateway listener port. */
  servicePort: number;
  listener: string;
}

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Which origins of the criteria need a port-forward (local ones not already mapped with --origin), and to
 * which listener of the Gateway: same protocol (HTTP/HTTPS), the listener with the same port if any, else
 * the only one. Pure; problems are returned as messages.
 */
export function planForwards(
  criteria: readonly Criterion[],
  gateway: Manifest,
  mapped: Record<string, string> = {},
): { forwards: PlannedForward[]; problems: string[] } {
  const listeners = (
    (gateway as { spec?: { listeners?: { name?: string; protocol?: string; port?: number }[] } }).spec?.listeners ?? []
  ).filter((l) => typeof l.port === 'number');
  const origins = new Set<string>();
  for (const c of criteria)
    for (const k of c.checks) {
      if (!('url' in k)) continue;
      const u = new URL(k.url);
      if (LOCAL.has(u.hostname) && !Object.keys(mapped).some((m) => new URL(m).origin === u.origin))
        origins.add(u.origin);
    }
  const forwards: PlannedForward[] = [];
  const problems: string[] = [];
  for (const origin of [...origins].sort()) {
    const u = new URL(origin);
    const scheme = u.protocol === 'https:' ? 'https' : 'http';
    const port = Number(u.port || (scheme === 'https' ? 443 : 80));
    const same = listeners.filter((l) => l.protocol === scheme.toUpperCase());
    const pick = same.find((l) => l.port === port) ?? (same.length === 1 ? same[0] : undefined);
    if (!pick) {
      const gw = `${gateway.metadata.namespace ?? 'default'}/${gateway.metadata.name}`;
      problems.push(
        same.length
          ? `${origin}: Gateway ${gw} has ${same.length} ${scheme.toUpperCase()} listeners (${same.map((l) => l.port).join(', ')}); map it with --origin`
          : `${origin}: Gateway ${gw} has no ${scheme.toUpperCase()} listener`,
      );
      continue;
    }
    forwards.push({ origin, scheme, servicePort: pick.port as number, listener: pick.name ?? String(pick.port) });
  }
  return { forwards, problems };
}
