/**
 * From a criterion URL to a routed, policy-resolved request. The URL names an external origin
 * (e.g. http://localhost:8080) that reaches a Gateway listener through a port-forward or load
 * balancer; which listener is decided, in order, by the plan's `externalUrls`, by a listener whose
 * port equals the URL's port (same protocol), or by the only listener of the URL's protocol.
 */

import { type PolicyResolution, resolvePolicy } from '../../simulate/policy/index.js';
import type { RoutedRequest } from '../../simulate/route/lookup.js';
import { routeRequestDetailed } from '../../simulate/route/lookup.js';
import type { GatewayEntry, ListenerInfo } from '../../simulate/route/model.js';
import type { SimRequest } from '../../simulate/route/types.js';
import type { StaticContext } from './context.js';

export interface MappedUrl {
  gateway: GatewayEntry;
  listener: ListenerInfo;
  url: URL;
  /** How the listener was chosen, in words. */
  assumption: string;
}

export type MapResult =
  | { ok: true; mapped: MappedUrl }
  | { ok: false; verdict: 'violated' | 'needs-live'; reason: string };

function defaultPort(u: URL): number {
  return u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
}

/** Chooses the Gateway listener a criterion URL reaches. */
export function mapUrl(ctx: StaticContext, rawUrl: string): MapResult {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, verdict: 'violated', reason: `${rawUrl} is not a URL` };
  }
  const protocol = url.protocol === 'https:' ? 'HTTPS' : url.protocol === 'http:' ? 'HTTP' : undefined;
  if (!protocol)
    return { ok: false, verdict: 'violated', reason: `${url.protocol} URLs are not served by an HTTP Gateway` };
  const gateways = [...ctx.table.gateways.values()];
  if (gateways.length === 0) return { ok: false, verdict: 'violated', reason: 'the stack has no Gateway' };
  const all = gateways.flatMap((g) => g.listeners.map((l) => ({ g, l })));
  const planGw = ctx.planGateway ? ctx.table.gateways.get(ctx.planGateway) : undefined;
  const ext = ctx.opts.plan?.externalUrls.find((e) => {
    try {
      return new URL(e.url).origin === url.origin;
    } catch {
      return false;
    }
  });
  if (ext) {
    const gw = planGw ?? (gateways.length === 1 ? gateways[0] : undefined);
    const l = gw?.listeners.find((x) => x.name === ext.listener);
    if (gw && l) {
      const via = planGw
        ? ''
        : ` (the plan's Gateway ${ctx.planGateway} is not in the config; using its only Gateway ${gw.key})`;
      if (l.protocol !== protocol)
        return {
          ok: false,
          verdict: 'violated',
          reason: `externalUrls maps ${url.origin} to listener ${l.name}, which is ${l.protocol}, not ${protocol}`,
        };
      return {
        ok: true,
        mapped: {
          gateway: gw,
          listener: l,
          url,
          assumption: `${url.origin} → listener ${l.name} (port ${l.port}) per the spec's gateway.externalUrls${via}`,
        },
      };
    }
  }
  const port = defaultPort(url);
  const byPort = all.filter((x) => x.l.port === port && x.l.protocol === protocol);
  if (byPort.length >= 1 && new Set(byPort.map((x) => x.g.key)).size === 1)
    return {
      ok: true,
      mapped: {
        gateway: byPort[0].g,
        listener: byPort[0].l,
        url,
        assumption: `${url.origin} → listener ${byPort[0].l.name}: same port ${port} and protocol ${protocol}`,
      },
    };
  const byProto = all.filter((x) => x.l.protocol === protocol);
  if (byProto.length === 1)
    return {
      ok: true,
      mapped: {
        gateway: byProto[0].g,
        listener: byProto[0].l,
        url,
        assumption: `${url.origin} → listener ${byProto[0].l.name} (port ${byProto[0].l.port}): the only ${protocol} listener, assuming a port-forward or load balancer maps port ${port} to it`,
      },
    };
  if (byProto.length === 0)
    return { ok: false, verdict: 'violated', reason: `no ${protocol} listener in the stack serves ${url.origin}` };
  return {
    ok: false,
    verdict: 'needs-live',
    reason: `${byProto.length} ${protocol} listeners could serve ${url.origin} (${byProto.map((x) => `${x.g.key}/${x.l.name}`).join(', ')}); add it to gateway.externalUrls to say which`,
  };
}

export interface Routed {
  mapped: MappedUrl;
  request: SimRequest;
  routed: RoutedRequest;
  policy: PolicyResolution;
  /** Status after policies: the route's, or 500 when the effective policy is invalid. */
  status: number;
  /** The Envoy route the request lands on (local rate-limit buckets are per Envoy route). */
  envoyRoute?: string;
}

function isIp(h: string): boolean {
  return /^[\d.]+$/.test(h) || h.includes(':');
}

/** Routes a criterion request and resolves the BackendTrafficPolicy on its route. */
export function routeUrl(
  ctx: StaticContext,
  mapped: MappedUrl,
  method: string,
  headers: Record<string, string>,
): Routed {
  const u = mapped.url;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const request: SimRequest = {
    gateway: mapped.gateway.key,
    port: mapped.listener.port,
    scheme: u.protocol === 'https:' ? 'https' : 'http',
    ...(u.protocol === 'https:' && !isIp(host) ? { sni: host } : {}),
    host: u.host,
    method,
    path: u.pathname || '/',
    ...(u.search ? { rawQuery: u.search.slice(1) } : {}),
    headers,
  };
  const routed = routeRequestDetailed(ctx.table, request);
  const m = routed.match;
  const gw = routed.gateway?.manifest;
  const route = m?.rule.route;
  const policy = resolvePolicy(
    ctx.manifests,
    {
      gateway: {
        namespace: gw?.metadata.namespace ?? 'default',
        name: gw?.metadata.name ?? '',
        labels: gw?.metadata.labels,
      },
      listener: routed.listener?.name,
      listenerNames: routed.gateway?.listeners.map((l) => l.name),
      ...(route
        ? { route: { namespace: route.namespace, name: route.name, labels: route.manifest.metadata.labels } }
        : {}),
      ruleName: m?.rule.name,
      ruleNames: route?.rules.map((r) => r.name).filter((n): n is string => !!n),
    },
    { rateLimitService: ctx.opts.rateLimitService },
  );
  const status = route && policy.status500 ? 500 : routed.result.status;
  const envoyRoute =
    route && m ? `httproute/${route.namespace}/${route.name}/rule/${m.rule.index}/match/${m.index}` : undefined;
  return { mapped, request, routed, policy, status, envoyRoute };
}

/**
 * For a request no rule matched (404 on a listener): the first route attached to that listener
 * whose policy has a rate limit, with that policy — to say what the limit would do once routed.
 */
export function policyOfNeighbourRoute(
  ctx: StaticContext,
  r: Routed,
): { route: string; policy: PolicyResolution } | undefined {
  const l = r.routed.listener;
  const gw = r.routed.gateway?.manifest;
  if (!l || !gw) return undefined;
  for (const [key, atts] of ctx.table.attachments) {
    if (!atts.some((a) => a.listeners.some((x) => x.listener.id === l.id))) continue;
    const route = ctx.table.routes.get(key);
    if (!route) continue;
    const policy = resolvePolicy(
      ctx.manifests,
      {
        gateway: {
          namespace: gw.metadata.namespace ?? 'default',
          name: gw.metadata.name ?? '',
          labels: gw.metadata.labels,
        },
        listener: l.name,
        route: { namespace: route.namespace, name: route.name, labels: route.manifest.metadata.labels },
      },
      { rateLimitService: ctx.opts.rateLimitService },
    );
    const spec = (policy.effective?.policy as { spec?: Record<string, unknown> } | undefined)?.spec;
    if (spec?.rateLimit) return { route: key, policy };
  }
  return undefined;
}

/** One line: where the request went. */
export function describeRoute(r: Routed): string {
  const res = r.routed.result;
  const parts = [`${r.request.method} ${r.mapped.url.href}`, `listener ${r.mapped.listener.name}`];
  if (res.route !== undefined) parts.push(`HTTPRoute ${res.route} rule ${res.rule} match ${res.match}`);
  if (res.backend) parts.push(`Service ${res.backend}`);
  else if (res.weightedBackends)
    parts.push(
      `Services ${Object.entries(res.weightedBackends)
        .map(([k, w]) => `${k} ${Math.round(w * 1000) / 10}%`)
        .join(', ')}`,
    );
  if (res.location) parts.push(`redirect ${res.location}`);
  if (r.policy.effective) parts.push(`policy ${r.policy.effective.key} (${r.policy.effective.level})`);
  return `${parts.join(' → ')}: ${r.status === 0 ? 'no response' : r.status}`;
}
