/**
 * Gateway API v1.6 route simulator: from Gateways, ListenerSets, HTTPRoutes, Services,
 * ReferenceGrants, Namespaces and GatewayClasses, predict what a request gets
 * (listener, route, rule, match, backend split, redirect, rewrite, or 404/421/500 with the reason),
 * and the route/listener status a controller would write.
 *
 * Typical use: `const table = buildRouteTable(manifests); routeRequest(table, req)` — build once,
 * look up many times. `simulateRequests` does both in one call.
 *
 * Result conventions: `status: 0` means no HTTP response (unknown Gateway, no listener for the
 * port/protocol, or no HTTPS listener for the SNI). `backend` is set when one Service takes all
 * the traffic; `weightedBackends` when a rule has several backendRefs (fractions, zeros kept).
 */
export { applyRedirect, applyRewrite, chooseBackend, replacePrefix } from './actions.js';
export { hostMatches, intersectHostname, normalizeHost, routeHostnamesOnListener } from './hostname.js';
export type { RoutedRequest } from './lookup.js';
export { findMatch, routeRequest, routeRequestDetailed, selectListener, simulateRequests } from './lookup.js';
export type { NormalizedRequest } from './match.js';
export { compareMatches, matchAccepts, normalizeRequest, prefixMatches } from './match.js';
export type {
  CompiledBackend,
  CompiledMatch,
  CompiledRoute,
  CompiledRule,
  Condition,
  GatewayEntry,
  ListenerIndex,
  ListenerInfo,
  ParentAttachment,
  RouteTable,
} from './model.js';
export { formatResultText, parseRequestsJson, simRequestSchema } from './requests-file.js';
export type {
  GatewayStatus,
  HTTPRouteStatus,
  ListenerSetStatus,
  ListenerStatus,
  RouteParentStatus,
  RouteStatusReport,
} from './status.js';
export { computeRouteStatus, routeStatusFromTable } from './status.js';
export { buildRouteTable } from './table.js';
export type { RedirectResult, SimRequest, SimResult } from './types.js';
