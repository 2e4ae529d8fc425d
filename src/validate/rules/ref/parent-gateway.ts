import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { GW_GROUP, listenersOf, parentRefsOf, resolveParent, routesIn } from '../util/gateway.js';

/** HTTPRoute/GRPCRoute parentRefs resolve to a Gateway or ListenerSet with a listener that admits the route. */
export const parentGateway: Rule = {
  id: 'ref/parent-gateway',
  severity: 'error',
  docs: {
    description:
      'A route parentRef must name an existing Gateway/ListenerSet, its sectionName/port must select a listener, and that listener must admit the route namespace, kind and hostnames.',
    url: 'https://gateway-api.sigs.k8s.io/reference/spec/#parentreference',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const route of routesIn(ctx)) {
      for (const ref of parentRefsOf(route)) {
        const path = ['spec', 'parentRefs', ref.index];
        if (ref.group !== GW_GROUP || (ref.kind !== 'Gateway' && ref.kind !== 'ListenerSet')) continue;
        const att = resolveParent(ctx, route, ref);
        if (!att.parent) {
          out.push(
            finding(this, route, [...path, 'name'], {
              severity: ctx.missingSeverity(),
              message: `parentRef ${ref.kind} ${ref.namespace}/${ref.name} is not in the validated set${ctx.connected ? ' nor in the cluster' : ' (it may exist in the cluster)'}; the route would get Accepted=False`,
              hint: `create ${ref.kind} ${ref.namespace}/${ref.name}, or fix parentRefs[${ref.index}].name/namespace`,
            }),
          );
          continue;
        }
        if (att.selected.length === 0) {
          const by = [
            ref.sectionName !== undefined ? `sectionName "${ref.sectionName}"` : '',
            ref.port !== undefined ? `port ${ref.port}` : '',
          ]
            .filter(Boolean)
            .join(' and ');
          const names = listenersOf(att.parent)
            .map((l) => `${l.name} (port ${l.port})`)
            .join(', ');
          out.push(
            finding(this, route, [...path, ref.sectionName !== undefined ? 'sectionName' : 'port'], {
              message: `${by || 'parentRef'} matches no listener of ${ref.kind} ${ref.namespace}/${ref.name} (NoMatchingParent)`,
              hint: names ? `listeners are: ${names}` : `${ref.kind} ${ref.name} has no listeners`,
            }),
          );
          continue;
        }
        if (att.attached.length === 0) {
          out.push(
            finding(this, route, path, {
              message: `no listener of ${ref.kind} ${ref.namespace}/${ref.name} admits this route: ${att.refusals.join('; ')}`,
              hint: 'adjust the listener allowedRoutes (namespaces.from, kinds) or the route namespace/hostnames',
            }),
          );
        }
      }
    }
    return out;
  },
};
