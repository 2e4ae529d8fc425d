import { cached, type Entry, type RuleContext } from '../rule.js';
import { arr, obj, str } from './data.js';
import { routesIn } from './gateway.js';
import { scaleTargetOf } from './keda.js';
import { mapSelectorMatches } from './labels.js';

/** Pod template labels of a Deployment/StatefulSet. */
function podLabels(w: Entry): Record<string, string> {
  const labels = obj(obj(obj(obj(w.object.spec).template).metadata).labels);
  return Object.fromEntries(Object.entries(labels).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Does this Service send traffic to the ScaledObject's workload? By selector when the workload is known, else by equal name. */
export function serviceFeedsWorkload(ctx: RuleContext, service: Entry, so: Entry): boolean {
  const t = scaleTargetOf(so);
  const workload = ctx.find(t.kind, so.namespace, t.name, t.group);
  if (workload) return mapSelectorMatches(obj(service.object.spec).selector, podLabels(workload));
  return service.name === t.name;
}

export interface RouteToService {
  route: Entry;
  rule: number;
  service: string;
}

/** Route rules of the set by the Service (`ns/name`) their backendRefs name; built once per context. */
function routesByService(ctx: RuleContext): Map<string, RouteToService[]> {
  return cached(ctx, 'workload:routesByService', () => {
    const index = new Map<string, RouteToService[]>();
    for (const route of routesIn(ctx)) {
      arr(obj(route.object.spec).rules).forEach((r, ri) => {
        for (const b of arr(obj(r).backendRefs)) {
          const ref = obj(b);
          if ((str(ref.kind) ?? 'Service') !== 'Service' || (str(ref.group) ?? '') !== '') continue;
          const name = str(ref.name) ?? '';
          const key = `${str(ref.namespace) ?? route.namespace}/${name}`;
          const list = index.get(key) ?? [];
          list.push({ route, rule: ri, service: name });
          index.set(key, list);
        }
      });
    }
    return index;
  });
}

function servicesByNamespace(ctx: RuleContext): Map<string, Entry[]> {
  return cached(ctx, 'workload:servicesByNamespace', () => {
    const index = new Map<string, Entry[]>();
    for (const s of ctx.allOfKind('Service', '')) {
      const list = index.get(s.namespace ?? '') ?? [];
      list.push(s);
      index.set(s.namespace ?? '', list);
    }
    return index;
  });
}

/** Routes of the set (with rule index) whose backendRefs reach the ScaledObject's workload through a Service. */
export function routesToWorkload(ctx: RuleContext, so: Entry): RouteToService[] {
  const routes = routesByService(ctx);
  const ns = so.namespace ?? '';
  const out: RouteToService[] = [];
  for (const svc of servicesByNamespace(ctx).get(ns) ?? []) {
    if (serviceFeedsWorkload(ctx, svc, so)) out.push(...(routes.get(`${ns}/${svc.name}`) ?? []));
  }
  const byName = scaleTargetOf(so).name;
  if (!ctx.find('Service', ns, byName, '')) out.push(...(routes.get(`${ns}/${byName}`) ?? []));
  return out;
}

/** ScaledObjects of the set by the routes (`ns/name`) that send them traffic; built once per context. */
export function scaledObjectsByRoute(ctx: RuleContext, scaledObjects: () => Entry[]): Map<string, Entry[]> {
  return cached(ctx, 'workload:scaledObjectsByRoute', () => {
    const index = new Map<string, Entry[]>();
    for (const so of scaledObjects()) {
      for (const r of routesToWorkload(ctx, so)) {
        const key = `${r.route.namespace}/${r.route.name}`;
        const list = index.get(key) ?? [];
        if (!list.includes(so)) list.push(so);
        index.set(key, list);
      }
    }
    return index;
  });
}
