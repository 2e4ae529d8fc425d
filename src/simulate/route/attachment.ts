/**
 * Route attachment (reference §3): each parentRef (Gateway or ListenerSet, with optional
 * sectionName and port) → the listeners it binds, or why it binds none
 * (NoMatchingParent, NotAllowedByListeners, NoMatchingListenerHostname).
 */
import { routeHostnamesOnListener } from './hostname.js';
import { namespaceAllowed } from './listeners.js';
import type { CompiledRoute, ListenerInfo, ParentAttachment } from './model.js';
import { GATEWAY_GROUP, type Indexed, type LabelSelector, objects } from './resources.js';

type Raw = Record<string, unknown>;

/** Whether a listener admits an HTTPRoute from namespace `ns` (allowedRoutes namespaces and kinds). */
export function listenerAllows(ix: Indexed, l: ListenerInfo, ns: string): boolean {
  const policy = ((l.spec.allowedRoutes as Raw | undefined)?.namespaces ?? {}) as {
    from?: string;
    selector?: LabelSelector;
  };
  if (!namespaceAllowed(ix, policy, l.namespace, ns, 'Same')) return false;
  return l.supportedKinds.some((k) => k.group === GATEWAY_GROUP && k.kind === 'HTTPRoute');
}

/**
 * Resolves every parentRef of a route. `gatewayListeners` holds each Gateway's listeners in
 * precedence order (own listeners and admitted ListenerSets'); `listenerSetParents` maps an
 * admitted ListenerSet to its Gateway.
 */
export function attachRoute(
  ix: Indexed,
  route: CompiledRoute,
  gatewayListeners: Map<string, ListenerInfo[]>,
  listenerSetParents: Map<string, string>,
): ParentAttachment[] {
  const spec = ((route.manifest as { spec?: Raw }).spec ?? {}) as Raw;
  const refs = objects(spec.parentRefs);
  const out: ParentAttachment[] = [];
  for (const ref of refs) {
    const group = String(ref.group ?? GATEWAY_GROUP);
    const kind = String(ref.kind ?? 'Gateway');
    const parent = `${ref.namespace ?? route.namespace}/${ref.name}`;
    const sectionName = typeof ref.sectionName === 'string' ? ref.sectionName : undefined;
    const port = ref.port === undefined ? undefined : Number(ref.port);
    if (group !== GATEWAY_GROUP || (kind !== 'Gateway' && kind !== 'ListenerSet')) continue; // not a Gateway-API parent (e.g. mesh Service)
    const base = { parentKind: kind as 'Gateway' | 'ListenerSet', parent, sectionName, port, listeners: [] };
    const fail = (reason: string, message: string): ParentAttachment => ({ ...base, accepted: false, reason, message });
    let candidates: ListenerInfo[];
    if (kind === 'Gateway') {
      const all = gatewayListeners.get(parent);
      if (!all) {
        out.push(fail('NoMatchingParent', `Gateway ${parent} not found`));
        continue;
      }
      candidates = all.filter((l) => l.parentKind === 'Gateway');
    } else {
      const gw = listenerSetParents.get(parent);
      if (!gw) {
        out.push(fail('NoMatchingParent', `ListenerSet ${parent} not found or not accepted by its Gateway`));
        continue;
      }
      candidates = (gatewayListeners.get(gw) ?? []).filter(
        (l) => l.parentKind === 'ListenerSet' && l.parent === parent,
      );
    }
    candidates = candidates.filter(
      (l) => (sectionName === undefined || l.name === sectionName) && (port === undefined || l.port === port),
    );
    if (candidates.length === 0) {
      const what = [
        sectionName !== undefined ? `sectionName ${sectionName}` : '',
        port !== undefined ? `port ${port}` : '',
      ]
        .filter(Boolean)
        .join(' and ');
      out.push(fail('NoMatchingParent', `${kind} ${parent} has no listener matching ${what || 'the reference'}`));
      continue;
    }
    const allowed = candidates.filter((l) => !l.conflict && listenerAllows(ix, l, route.namespace));
    if (allowed.length === 0) {
      out.push(
        fail(
          'NotAllowedByListeners',
          `no listener of ${kind} ${parent} allows HTTPRoutes from namespace ${route.namespace}`,
        ),
      );
      continue;
    }
    const bound = allowed
      .map((l) => ({ listener: l, hostnames: routeHostnamesOnListener(l.hostname, route.hostnames) }))
      .filter((b) => b.hostnames.length > 0);
    if (bound.length === 0) {
      out.push(
        fail('NoMatchingListenerHostname', `no route hostname intersects a listener hostname of ${kind} ${parent}`),
      );
      continue;
    }
    if (route.notAccepted) {
      out.push(fail(route.notAccepted.reason, route.notAccepted.message));
      continue;
    }
    out.push({ ...base, accepted: true, reason: 'Accepted', message: 'route accepted', listeners: bound });
  }
  return out;
}
