/**
 * Internal shapes of the route table: resolved listeners, compiled routes/rules/matches,
 * and the per-listener hostname index. Exported for the policy simulator, which reads them.
 */
import type { Manifest } from '../../model/manifest.js';
import type { Indexed } from './resources.js';

/** A status condition as the controllers would write it. */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
}

export interface RouteGroupKind {
  group: string;
  kind: string;
}

/** A listener of a Gateway, or of a ListenerSet merged into its Gateway. */
export interface ListenerInfo {
  /** Unique id: `Gateway/ns/name/listener` or `ListenerSet/ns/name/listener`. */
  id: string;
  name: string;
  /** `namespace/name` of the Gateway the listener serves traffic on. */
  gateway: string;
  parentKind: 'Gateway' | 'ListenerSet';
  /** `namespace/name` of the Gateway or ListenerSet that declares the listener. */
  parent: string;
  /** Namespace of the declaring object (for `allowedRoutes.namespaces.from: Same`). */
  namespace: string;
  port: number;
  protocol: string;
  hostname?: string;
  spec: Record<string, unknown>;
  /** Route kinds the listener accepts (allowedRoutes.kinds ∩ what the protocol supports). */
  supportedKinds: RouteGroupKind[];
  /** Set when the listener loses a port/hostname conflict to an earlier listener. */
  conflict?: 'HostnameConflict' | 'ProtocolConflict';
  conditions: Condition[];
  /** Precedence order within its Gateway (Gateway listeners first, then ListenerSets). */
  order: number;
}

export interface HeaderMatcher {
  name: string;
  type: string;
  value: string;
  re?: RegExp;
}

export interface CompiledBackend {
  /** `namespace/name` of the referenced object. */
  key: string;
  group: string;
  kind: string;
  port?: number;
  weight: number;
  /** Null when the reference is valid; otherwise the ResolvedRefs reason. */
  invalid: null | 'InvalidKind' | 'BackendNotFound' | 'RefNotPermitted';
  message?: string;
}

export interface CompiledRule {
  route: CompiledRoute;
  index: number;
  name?: string;
  spec: Record<string, unknown>;
  backends: CompiledBackend[];
  redirect?: Record<string, unknown>;
  urlRewrite?: Record<string, unknown>;
  matches: CompiledMatch[];
}

export interface CompiledMatch {
  rule: CompiledRule;
  index: number;
  pathType: string;
  pathValue: string;
  pathRe?: RegExp;
  method?: string;
  headers: HeaderMatcher[];
  query: HeaderMatcher[];
  /** Precedence rank of the path match type: Exact 3, PathPrefix 2, RegularExpression 1. */
  pathRank: number;
  /** False when the match uses an unsupported value (it never matches). */
  valid: boolean;
}

export interface CompiledRoute {
  key: string;
  namespace: string;
  name: string;
  manifest: Manifest;
  hostnames: string[];
  rules: CompiledRule[];
  /** Route-level problems that make the route not Accepted (UnsupportedValue, IncompatibleFilters). */
  notAccepted?: { reason: string; message: string };
  resolvedRefs: Condition;
}

/** How one parentRef of a route resolved. */
export interface ParentAttachment {
  parentKind: 'Gateway' | 'ListenerSet';
  /** `namespace/name` of the parent. */
  parent: string;
  sectionName?: string;
  port?: number;
  accepted: boolean;
  reason: string;
  message: string;
  /** Listeners the route attached to through this parentRef, with the hostnames it serves there. */
  listeners: { listener: ListenerInfo; hostnames: string[] }[];
}

/** Candidate matches of one listener, bucketed by the (intersected) hostname they serve. */
export interface ListenerIndex {
  listener: ListenerInfo;
  /** Precise hostname → matches, sorted by precedence. */
  exact: Map<string, CompiledMatch[]>;
  /** Wildcard suffix (`.example.com` for `*.example.com`) → matches, sorted by precedence. */
  wildcard: Map<string, CompiledMatch[]>;
  /** Matches that serve any host (no hostname on route nor listener). */
  any: CompiledMatch[];
}

export interface GatewayEntry {
  key: string;
  manifest: Manifest;
  listeners: ListenerInfo[];
  byPort: Map<number, ListenerIndex[]>;
}

/** The indexed, pre-sorted routing table built by `buildRouteTable`. Treat as read-only. */
export interface RouteTable {
  resources: Indexed;
  gateways: Map<string, GatewayEntry>;
  routes: Map<string, CompiledRoute>;
  /** Route key → one entry per parentRef. */
  attachments: Map<string, ParentAttachment[]>;
  /** ListenerSet key → Gateway key it is accepted into (absent when not accepted). */
  listenerSetParents: Map<string, string>;
  listenerSetReasons: Map<string, string>;
}
