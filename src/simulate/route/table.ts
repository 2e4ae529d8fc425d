/**
 * Builds the routing table: listeners per Gateway (with admitted ListenerSets), compiled routes,
 * their attachments, and per listener a hostname index (exact / wildcard suffix / any) whose
 * buckets are pre-sorted by match precedence, so a lookup never scans every rule of every route.
 */
import type { Manifest } from '../../model/manifest.js';
import { attachRoute } from './attachment.js';
import { compileRoute } from './compile.js';
import { isWildcard } from './hostname.js';
import { listenerSetParent, resolveListeners } from './listeners.js';
import { compareMatches } from './match.js';
import type { CompiledMatch, CompiledRoute, GatewayEntry, ListenerIndex, ListenerInfo, RouteTable } from './model.js';
import { indexResources } from './resources.js';

function push(map: Map<string, CompiledMatch[]>, key: string, items: readonly CompiledMatch[]): void {
  const list = map.get(key);
  if (list) list.push(...items);
  else map.set(key, [...items]);
}

/** Indexes Gateways, ListenerSets, HTTPRoutes, Services, Secrets, ReferenceGrants, Namespaces, GatewayClasses. Pure. */
export function buildRouteTable(resources: readonly Manifest[]): RouteTable {
  const ix = indexResources(resources);
  const listenerSetParents = new Map<string, string>();
  const listenerSetReasons = new Map<string, string>();
  const admitted = new Map<string, Manifest[]>();
  for (const [key, ls] of ix.listenerSets) {
    const p = listenerSetParent(ix, ls);
    listenerSetReasons.set(key, p.reason);
    if (p.gateway) {
      listenerSetParents.set(key, p.gateway);
      admitted.set(p.gateway, [...(admitted.get(p.gateway) ?? []), ls]);
    }
  }
  const gatewayListeners = new Map<string, ListenerInfo[]>();
  const gateways = new Map<string, GatewayEntry>();
  const indexes = new Map<string, ListenerIndex>();
  for (const [key, gw] of ix.gateways) {
    const listeners = resolveListeners(ix, gw, admitted.get(key) ?? []);
    gatewayListeners.set(key, listeners);
    const byPort = new Map<number, ListenerIndex[]>();
    for (const l of listeners) {
      const li: ListenerIndex = { listener: l, exact: new Map(), wildcard: new Map(), any: [] };
      indexes.set(l.id, li);
      byPort.set(l.port, [...(byPort.get(l.port) ?? []), li]);
    }
    gateways.set(key, { key, manifest: gw, listeners, byPort });
  }
  const routes = new Map<string, CompiledRoute>();
  const attachments = new Map<string, ReturnType<typeof attachRoute>>();
  for (const m of ix.httpRoutes.values()) {
    const route = compileRoute(ix, m);
    routes.set(route.key, route);
    const att = attachRoute(ix, route, gatewayListeners, listenerSetParents);
    attachments.set(route.key, att);
    const matches = route.rules.flatMap((r) => r.matches).filter((x) => x.valid);
    const seen = new Set<string>();
    for (const a of att) {
      for (const { listener, hostnames } of a.listeners) {
        const li = indexes.get(listener.id);
        if (!li || seen.has(listener.id)) continue; // two parentRefs binding one listener: index once
        seen.add(listener.id);
        for (const h of hostnames) {
          if (h === '*') li.any.push(...matches);
          else if (isWildcard(h)) push(li.wildcard, h.slice(1), matches);
          else push(li.exact, h, matches);
        }
      }
    }
  }
  for (const li of indexes.values()) {
    li.any.sort(compareMatches);
    for (const list of li.exact.values()) list.sort(compareMatches);
    for (const list of li.wildcard.values()) list.sort(compareMatches);
  }
  return { resources: ix, gateways, routes, attachments, listenerSetParents, listenerSetReasons };
}
