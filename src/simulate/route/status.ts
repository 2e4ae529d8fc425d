/**
 * Route and listener status as a Gateway API controller would write it (reference §8):
 * per HTTPRoute parent `Accepted` and `ResolvedRefs`, per listener `attachedRoutes` and conditions.
 */
import type { Manifest } from '../../model/manifest.js';
import type { Condition, RouteGroupKind, RouteTable } from './model.js';
import { buildRouteTable } from './table.js';

export interface RouteParentStatus {
  parentKind: 'Gateway' | 'ListenerSet';
  /** `namespace/name` of the parent. */
  parent: string;
  sectionName?: string;
  port?: number;
  conditions: Condition[];
}

export interface HTTPRouteStatus {
  /** `namespace/name`. */
  route: string;
  parents: RouteParentStatus[];
}

export interface ListenerStatus {
  name: string;
  attachedRoutes: number;
  supportedKinds: RouteGroupKind[];
  conditions: Condition[];
}

export interface GatewayStatus {
  gateway: string;
  conditions: Condition[];
  listeners: ListenerStatus[];
  /** Sum of `attachedRoutes` over the Gateway's own listeners. */
  attachedRoutesTotal: number;
}

export interface ListenerSetStatus {
  listenerSet: string;
  /** Gateway the ListenerSet is merged into, when accepted. */
  gateway?: string;
  conditions: Condition[];
  listeners: ListenerStatus[];
}

export interface RouteStatusReport {
  routes: HTTPRouteStatus[];
  gateways: GatewayStatus[];
  listenerSets: ListenerSetStatus[];
}

function c(type: string, ok: boolean, reason: string, message: string): Condition {
  return { type, status: ok ? 'True' : 'False', reason, message };
}

/** Status of every HTTPRoute parent, Gateway listener and ListenerSet listener, from an already built table. */
export function routeStatusFromTable(table: RouteTable): RouteStatusReport {
  const attached = new Map<string, Set<string>>(); // listener id → route keys
  const routes: HTTPRouteStatus[] = [];
  for (const [key, atts] of table.attachments) {
    const route = table.routes.get(key);
    const parents = atts.map((a): RouteParentStatus => {
      for (const { listener } of a.listeners) {
        const set = attached.get(listener.id) ?? new Set<string>();
        set.add(key);
        attached.set(listener.id, set);
      }
      const refs = route?.resolvedRefs ?? c('ResolvedRefs', true, 'ResolvedRefs', '');
      return {
        parentKind: a.parentKind,
        parent: a.parent,
        sectionName: a.sectionName,
        port: a.port,
        conditions: [c('Accepted', a.accepted, a.reason, a.message), { ...refs }],
      };
    });
    routes.push({ route: key, parents });
  }
  const gateways: GatewayStatus[] = [];
  const setListeners = new Map<string, ListenerStatus[]>();
  const classes = table.resources.gatewayClasses;
  for (const gw of table.gateways.values()) {
    const own: ListenerStatus[] = [];
    for (const l of gw.listeners) {
      const st: ListenerStatus = {
        name: l.name,
        attachedRoutes: attached.get(l.id)?.size ?? 0,
        supportedKinds: l.supportedKinds,
        conditions: l.conditions.map((x) => ({ ...x })),
      };
      if (l.parentKind === 'Gateway') own.push(st);
      else setListeners.set(l.parent, [...(setListeners.get(l.parent) ?? []), st]);
    }
    const className = String((gw.manifest as { spec?: { gatewayClassName?: string } }).spec?.gatewayClassName ?? '');
    const classOk = classes.size === 0 || classes.has(className);
    const listenersOk = own.every((l) =>
      l.conditions.every((x) => (x.type === 'Conflicted' ? x.status === 'False' : x.status === 'True')),
    );
    gateways.push({
      gateway: gw.key,
      conditions: [
        c(
          'Accepted',
          classOk,
          classOk ? 'Accepted' : 'Invalid',
          classOk ? 'gateway accepted' : `GatewayClass ${className} not found`,
        ),
        c(
          'Programmed',
          classOk && listenersOk,
          classOk && listenersOk ? 'Programmed' : 'Invalid',
          listenersOk ? 'gateway programmed' : 'some listeners are invalid',
        ),
      ],
      listeners: own,
      attachedRoutesTotal: own.reduce((s, l) => s + l.attachedRoutes, 0),
    });
  }
  const listenerSets: ListenerSetStatus[] = [];
  for (const key of table.resources.listenerSets.keys()) {
    const gateway = table.listenerSetParents.get(key);
    const reason = table.listenerSetReasons.get(key) ?? '';
    listenerSets.push({
      listenerSet: key,
      gateway,
      conditions: [c('Accepted', !!gateway, gateway ? 'Accepted' : 'NotAllowed', reason)],
      listeners: setListeners.get(key) ?? [],
    });
  }
  return { routes, gateways, listenerSets };
}

/** Computes the status a controller would report for the given resources. Pure. */
export function computeRouteStatus(resources: readonly Manifest[]): RouteStatusReport {
  return routeStatusFromTable(buildRouteTable(resources));
}
