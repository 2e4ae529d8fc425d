import { groupOf } from '../../../model/manifest.js';
import { cached, type Entry, type RuleContext } from '../rule.js';
import { arr, num, type Obj, obj, str } from './data.js';
import { hostnamesIntersect } from './hostnames.js';
import { labelsOf, selectorMatches } from './labels.js';

export const GW_GROUP = 'gateway.networking.k8s.io';
export const EG_GROUP = 'gateway.envoyproxy.io';
/** Route kinds whose parentRefs/backendRefs these rules follow. */
export const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute'] as const;

export interface Listener {
  index: number;
  name: string;
  port?: number;
  protocol: string;
  hostname?: string;
  raw: Obj;
}

export interface ParentRef {
  index: number;
  group: string;
  kind: string;
  namespace: string;
  name: string;
  sectionName?: string;
  port?: number;
}

export function listenersOf(parent: Entry): Listener[] {
  return arr(obj(parent.object.spec).listeners).map((l, index) => {
    const o = obj(l);
    return {
      index,
      name: str(o.name) ?? '',
      port: num(o.port),
      protocol: str(o.protocol) ?? '',
      hostname: str(o.hostname),
      raw: o,
    };
  });
}

/** Route entries of the kinds we follow, in the validated set. */
export function routesIn(ctx: RuleContext): Entry[] {
  return ROUTE_KINDS.flatMap((k) => ctx.ofKind(k, GW_GROUP));
}

export function parentRefsOf(route: Entry): ParentRef[] {
  return arr(obj(route.object.spec).parentRefs).map((r, index) => {
    const o = obj(r);
    return {
      index,
      group: str(o.group) ?? GW_GROUP,
      kind: str(o.kind) ?? 'Gateway',
      namespace: str(o.namespace) ?? route.namespace ?? '',
      name: str(o.name) ?? '',
      sectionName: str(o.sectionName),
      port: num(o.port),
    };
  });
}

/** Route kinds a listener admits by default, from its protocol. */
function defaultKinds(protocol: string): string[] {
  switch (protocol) {
    case 'HTTP':
    case 'HTTPS':
      return ['HTTPRoute', 'GRPCRoute'];
    case 'TLS':
      return ['TLSRoute'];
    case 'TCP':
      return ['TCPRoute'];
    case 'UDP':
      return ['UDPRoute'];
    default:
      return [];
  }
}

/** Why a listener does not admit this route, or undefined when it does. */
export function listenerRejects(ctx: RuleContext, parent: Entry, listener: Listener, route: Entry): string | undefined {
  const allowed = obj(listener.raw.allowedRoutes);
  const ns = obj(allowed.namespaces);
  const from = str(ns.from) ?? 'Same';
  const routeNs = route.namespace ?? '';
  if (from === 'Same' && routeNs !== parent.namespace) {
    return `listener "${listener.name}" admits routes from namespace ${parent.namespace} only (allowedRoutes.namespaces.from: Same)`;
  }
  if (from === 'None') return `listener "${listener.name}" admits no routes (allowedRoutes.namespaces.from: None)`;
  if (from === 'Selector') {
    const nsObj = ctx.find('Namespace', undefined, routeNs);
    const labels = { ...(nsObj ? labelsOf(nsObj.object) : {}), 'kubernetes.io/metadata.name': routeNs };
    if (!selectorMatches(ns.selector, labels)) {
      return `listener "${listener.name}" admits namespaces matching its selector, and namespace ${routeNs} does not match${nsObj ? '' : ' (its Namespace object is not in the set; only the implicit kubernetes.io/metadata.name label was used)'}`;
    }
  }
  const kinds = arr(allowed.kinds).map((k) => obj(k));
  const routeKind = route.object.kind;
  const routeGroup = groupOf(route.object.apiVersion);
  const kindOk =
    kinds.length === 0
      ? defaultKinds(listener.protocol).includes(routeKind)
      : kinds.some((k) => str(k.kind) === routeKind && (str(k.group) ?? GW_GROUP) === routeGroup);
  if (!kindOk) return `listener "${listener.name}" (${listener.protocol}) does not admit ${routeKind}`;
  const hostnames = arr(obj(route.object.spec).hostnames).filter((h): h is string => typeof h === 'string');
  if (hostnames.length > 0 && !hostnames.some((h) => hostnamesIntersect(listener.hostname, h))) {
    return `listener "${listener.name}" hostname ${listener.hostname} intersects none of the route's hostnames`;
  }
  return undefined;
}

export interface Attachment {
  ref: ParentRef;
  /** The parent Gateway/ListenerSet, when found. */
  parent?: Entry;
  /** Listeners selected by sectionName/port (all when neither is set). */
  selected: Listener[];
  /** Selected listeners that admit the route. */
  attached: Listener[];
  /** Why each selected listener refused the route. */
  refusals: string[];
}

/** Resolves one parentRef of a route (Gateway or ListenerSet parents; other kinds give no parent). */
export function resolveParent(ctx: RuleContext, route: Entry, ref: ParentRef): Attachment {
  const result: Attachment = { ref, selected: [], attached: [], refusals: [] };
  if (ref.group !== GW_GROUP || (ref.kind !== 'Gateway' && ref.kind !== 'ListenerSet')) return result;
  const parent = ctx.find(ref.kind, ref.namespace, ref.name, GW_GROUP);
  if (!parent) return result;
  result.parent = parent;
  result.selected = listenersOf(parent).filter(
    (l) =>
      (ref.sectionName === undefined || l.name === ref.sectionName) && (ref.port === undefined || l.port === ref.port),
  );
  for (const l of result.selected) {
    const why = listenerRejects(ctx, parent, l, route);
    if (why) result.refusals.push(why);
    else result.attached.push(l);
  }
  return result;
}

/** All (route, attachment) pairs of the set whose parent is this Gateway (indexed once per context). */
export function attachmentsTo(ctx: RuleContext, gateway: Entry): { route: Entry; att: Attachment }[] {
  const index = cached(ctx, 'gateway:attachments', () => {
    const byParent = new Map<string, { route: Entry; ref: ParentRef }[]>();
    for (const route of routesIn(ctx)) {
      for (const ref of parentRefsOf(route)) {
        if (ref.kind !== 'Gateway') continue;
        const key = `${ref.namespace}/${ref.name}`;
        const list = byParent.get(key) ?? [];
        list.push({ route, ref });
        byParent.set(key, list);
      }
    }
    return { byParent, resolved: new Map<string, { route: Entry; att: Attachment }[]>() };
  });
  const key = `${gateway.namespace}/${gateway.name}`;
  let out = index.resolved.get(key);
  if (!out) {
    out = (index.byParent.get(key) ?? []).map(({ route, ref }) => ({ route, att: resolveParent(ctx, route, ref) }));
    index.resolved.set(key, out);
  }
  return out;
}
