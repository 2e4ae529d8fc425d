import type { RouteMatch, RouteRule, RouteSpec } from '../schema/routes.js';
import type { TrafficSpec } from '../schema/spec.js';
import type { PlanBackend, PlanListener, PlanMatch, PlanRoute, PlanRule } from './types.js';

function toMatch(m: Partial<RouteMatch> & { path?: RouteMatch['path'] }): PlanMatch {
  const path =
    m.path === undefined
      ? { type: 'PathPrefix' as const, value: '/' }
      : typeof m.path === 'string'
        ? { type: 'PathPrefix' as const, value: m.path }
        : { type: m.path.type ?? 'PathPrefix', value: m.path.value };
  return {
    path,
    ...(m.method ? { method: m.method } : {}),
    headers: (m.headers ?? []).map((h) => ({ name: h.name, type: h.type, value: h.value })),
    queryParams: (m.queryParams ?? []).map((q) => ({ name: q.name, type: q.type, value: q.value })),
  };
}

function toRule(rule: RouteRule, ports: Map<string, number>): PlanRule {
  const refs = rule.backend ? [{ name: rule.backend }] : rule.backends;
  const backends: PlanBackend[] = refs.map((b) => ({
    name: b.name,
    port: ('port' in b && b.port) || (ports.get(b.name) as number),
    ...('weight' in b && b.weight !== undefined ? { weight: b.weight } : {}),
  }));
  const matches = rule.path ? [toMatch({ path: rule.path })] : rule.matches.length ? rule.matches.map(toMatch) : [];
  return {
    ...(rule.name ? { name: rule.name } : {}),
    matches: matches.length ? matches : [toMatch({})],
    backends,
    ...(rule.timeouts && (rule.timeouts.request || rule.timeouts.backendRequest) ? { timeouts: rule.timeouts } : {}),
  };
}

/** Resolves the spec's routes (or the default catch-all) into HTTPRoutes attached to the right listeners. */
export function planRoutes(spec: TrafficSpec, gatewayName: string, listeners: PlanListener[]): PlanRoute[] {
  const ports = new Map(spec.services.map((s) => [s.name, s.port]));
  const routes: RouteSpec[] = spec.routes.length
    ? spec.routes
    : [{ hostnames: [], listeners: [], rules: [{ matches: [], backend: spec.services[0].name, backends: [] }] }];
  const redirect = spec.gateway.redirectHttpToHttps;
  const out: PlanRoute[] = routes.map((r, i) => {
    // With an HTTP→HTTPS redirect, application routes attach only to HTTPS listeners.
    const eligible = listeners.filter((l) => !redirect || l.protocol === 'HTTPS').map((l) => l.name);
    const sections = r.listeners.length ? r.listeners : eligible.length === listeners.length ? [] : eligible;
    return {
      name: r.name ?? (i === 0 ? `${spec.app}-route` : `${spec.app}-route-${i + 1}`),
      hostnames: r.hostnames,
      parentRefs: sections.length
        ? sections.map((s) => ({ name: gatewayName, sectionName: s }))
        : [{ name: gatewayName }],
      rules: r.rules.map((rule) => toRule(rule, ports)),
    };
  });
  if (redirect) {
    const https = listeners.find((l) => l.protocol === 'HTTPS');
    for (const l of listeners.filter((x) => x.protocol === 'HTTP')) {
      out.push({
        name: `${spec.app}-https-redirect${l.name === 'http' ? '' : `-${l.name}`}`,
        hostnames: [],
        parentRefs: [{ name: gatewayName, sectionName: l.name }],
        rules: [],
        redirect: { scheme: 'https', statusCode: 301, ...(https && https.port !== 443 ? { port: https.port } : {}) },
      });
    }
  }
  return out;
}
