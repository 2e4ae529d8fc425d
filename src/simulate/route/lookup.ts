/**
 * Request → outcome (reference §0): Gateway and port, listener by protocol and most specific
 * hostname (SNI for HTTPS, with the 421 misdirected-request rule), then the highest-precedence
 * match among the routes attached to that one listener, then the rule's action.
 */
import type { Manifest } from '../../model/manifest.js';
import { applyRedirect, applyRewrite, chooseBackend } from './actions.js';
import { hostMatches, hostnameScore, isIpLiteral, normalizeHost } from './hostname.js';
import { matchAccepts, type NormalizedRequest, normalizeRequest } from './match.js';
import type { CompiledMatch, GatewayEntry, ListenerIndex, ListenerInfo, RouteTable } from './model.js';
import { buildRouteTable } from './table.js';
import type { SimRequest, SimResult } from './types.js';

/** Most specific listener for a host: exact, then the longest wildcard, then no hostname. */
export function selectListener(
  candidates: readonly ListenerIndex[],
  host: string | undefined,
): ListenerIndex | undefined {
  const ip = host === undefined || isIpLiteral(host);
  let best: ListenerIndex | undefined;
  let bestScore = -1;
  for (const li of candidates) {
    const h = li.listener.hostname;
    if (h !== undefined && (ip || !hostMatches(h, host as string))) continue;
    const score = hostnameScore(h);
    if (score > bestScore) {
      best = li;
      bestScore = score;
    }
  }
  return best;
}

/** The highest-precedence match on a listener for a host, walking hostname buckets most specific first. */
export function findMatch(
  li: ListenerIndex,
  host: string | undefined,
  r: NormalizedRequest,
): CompiledMatch | undefined {
  const first = (list: readonly CompiledMatch[] | undefined) => list?.find((m) => matchAccepts(m, r));
  if (host !== undefined && !isIpLiteral(host)) {
    const exact = first(li.exact.get(host));
    if (exact) return exact;
    if (li.wildcard.size > 0) {
      // ".b.example.com", ".example.com", ".com": longest (most specific) suffix first
      for (let i = host.indexOf('.'); i > 0; i = host.indexOf('.', i + 1)) {
        const m = first(li.wildcard.get(host.slice(i)));
        if (m) return m;
      }
    }
  }
  return first(li.any);
}

/** `ns/name`, or a bare name that is unique across namespaces, or nothing when there is one Gateway. */
function gatewayOf(table: RouteTable, req: SimRequest): GatewayEntry | undefined {
  if (req.gateway?.includes('/')) return table.gateways.get(req.gateway);
  const all = [...table.gateways.values()];
  const named = req.gateway ? all.filter((g) => g.key.endsWith(`/${req.gateway}`)) : all;
  return named.length === 1 ? named[0] : undefined;
}

/** A prediction with the table objects behind it, for layers built on the route simulator (policies). */
export interface RoutedRequest {
  result: SimResult;
  gateway?: GatewayEntry;
  /** The listener that took the request (also set for 404/421 decided on a listener). */
  listener?: ListenerInfo;
  /** The winning match; its `rule` and `rule.route` are the compiled rule and route. */
  match?: CompiledMatch;
}

/**
 * Like `routeRequest`, but also returns the Gateway, listener and match objects the decision was
 * made on (exact even when a ListenerSet listener shares a name with a Gateway listener).
 */
export function routeRequestDetailed(table: RouteTable, req: SimRequest): RoutedRequest {
  const label = req.name ? { name: req.name } : {};
  const gw = gatewayOf(table, req);
  if (!gw) {
    const reason = req.gateway
      ? `Gateway ${req.gateway} not found (or ambiguous)`
      : `request names no gateway and the config has ${table.gateways.size}`;
    return { result: { status: 0, reason, ...label } };
  }
  const done = (r: SimResult, listener?: ListenerIndex, match?: CompiledMatch): RoutedRequest => ({
    result: { gateway: gw.key, ...(listener ? { listener: listener.listener.name } : {}), ...r, ...label },
    gateway: gw,
    listener: listener?.listener,
    match,
  });
  const protocol = req.scheme === 'https' ? 'HTTPS' : 'HTTP';
  const onPort = (gw.byPort.get(req.port) ?? []).filter(
    (li) => li.listener.protocol === protocol && !li.listener.conflict,
  );
  if (onPort.length === 0)
    return done({ status: 0, reason: `no ${protocol} listener on port ${req.port}: the connection fails` });
  const host = req.hostIsGatewayAddress || req.host === undefined ? undefined : normalizeHost(req.host);
  const shownHost = host ?? '(gateway address)';
  const byHost = selectListener(onPort, host);
  let li = byHost;
  if (protocol === 'HTTPS') {
    const sni = req.sni !== undefined ? normalizeHost(req.sni) : host;
    const bySni = selectListener(onPort, sni);
    if (!bySni) {
      return done({
        status: 0,
        reason: `no HTTPS listener on port ${req.port} matches SNI ${sni ?? '(none)'}: TLS handshake fails`,
      });
    }
    if (!byHost)
      return done({ status: 404, reason: `no listener on port ${req.port} matches host ${shownHost}` }, bySni);
    if (byHost !== bySni) {
      const reason = `misdirected request: SNI ${sni} selects listener ${bySni.listener.name} but host ${shownHost} belongs to listener ${byHost.listener.name}`;
      return done({ status: 421, reason }, bySni);
    }
    li = bySni;
    const refs = li.listener.conditions.find((c) => c.type === 'ResolvedRefs');
    if (refs?.status === 'False' && refs.reason !== 'InvalidRouteKinds') {
      return done({ status: 0, reason: `TLS handshake fails: ${refs.message}` }, li);
    }
  }
  if (!li) return done({ status: 404, reason: `no listener on port ${req.port} matches host ${shownHost}` });
  const r = normalizeRequest(req);
  const m = findMatch(li, host, r);
  if (!m) {
    return done(
      {
        status: 404,
        reason: `no route rule on listener ${li.listener.name} matches ${r.method} ${shownHost}${r.path}`,
      },
      li,
    );
  }
  const at = { route: m.rule.route.key, rule: m.rule.index, match: m.index };
  const rule = m.rule;
  if (rule.redirect) {
    const red = applyRedirect(rule.redirect, m, {
      scheme: req.scheme,
      host: host ?? normalizeHost(req.host) ?? '',
      path: r.path,
      rawQuery: r.rawQuery,
      listenerPort: li.listener.port,
    });
    return done({ ...red, ...at, reason: `RequestRedirect to ${red.location}` }, li, m);
  }
  const out: SimResult = { ...chooseBackend(m), ...at };
  if (rule.urlRewrite) out.rewrite = applyRewrite(rule.urlRewrite, m, r.path);
  return done(out, li, m);
}

/**
 * Predicts the outcome of one request: status, backend or split, redirect/Location, rewrite, and
 * where it was decided (gateway, listener, route, rule, match) with the reason for 404/421/500.
 * `status: 0` means no HTTP response at all (no such Gateway, no listener for the port and
 * protocol, or no HTTPS listener for the SNI / an unusable certificate: the connection fails).
 */
export function routeRequest(table: RouteTable, req: SimRequest): SimResult {
  return routeRequestDetailed(table, req).result;
}

/** Builds the table once and routes every request, in order. Pure. */
export function simulateRequests(resources: readonly Manifest[], reqs: readonly SimRequest[]): SimResult[] {
  const table = buildRouteTable(resources);
  return reqs.map((q) => routeRequest(table, q));
}
