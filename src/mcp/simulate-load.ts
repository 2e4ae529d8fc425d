/** The stack and routing context simulate_requests works on (a helper module, not a tool). */
import type { SimRequest, SimResult } from '../simulate/route/types.js';

export interface SimOutcome {
  request: string;
  status: number;
  backend?: string;
  weightedBackends?: Record<string, number>;
  listener?: string;
  route?: string;
  rule?: number;
  location?: string;
  reason?: string;
}

const shape = (request: string, r: SimResult, status = r.status): SimOutcome => ({
  request,
  status,
  ...(r.backend ? { backend: r.backend } : {}),
  ...(r.weightedBackends ? { weightedBackends: r.weightedBackends } : {}),
  ...(r.listener ? { listener: r.listener } : {}),
  ...(r.route ? { route: r.route } : {}),
  ...(r.rule !== undefined ? { rule: r.rule } : {}),
  ...(r.location ? { location: r.location } : {}),
  ...(r.reason ? { reason: r.reason } : {}),
});

/**
 * Loads a spec's generated stack (the spec's Services count as existing) or manifest files, and returns
 * lookups for URLs (mapped to listeners through the spec's externalUrls) and for raw requests.
 */
export async function loadForSimulation(src: { specPath?: string; files?: string[] }): Promise<
  | string
  | {
      routeUrl(url: string, method: string, headers: Record<string, string>): SimOutcome;
      route(q: SimRequest): SimOutcome;
      assumptions: string[];
    }
> {
  const { generate, readManifests } = await import('../core/api.js');
  const { buildContext, describeAssumptions, mapUrl, routeUrl } = await import('../criteria/static/index.js');
  const { routeRequest } = await import('../simulate/route/index.js');
  let ctx: ReturnType<typeof buildContext>;
  if (src.specPath) {
    const g = await generate({ specPath: src.specPath }, { skipValidation: true });
    if (!g.ok || !g.spec || !g.plan) {
      const first = g.diagnostics.find((d) => d.severity === 'error');
      return `could not generate the stack: ${first ? `${first.code} ${first.message}` : 'unknown error'}`;
    }
    ctx = buildContext(g.manifests, { plan: g.plan, services: g.spec.services.map((s) => s.name) });
  } else if (src.files?.length) {
    const r = await readManifests(src.files);
    const first = r.diagnostics.find((d) => d.severity === 'error');
    if (first) return `could not read the manifests: ${first.code} ${first.message}`;
    ctx = buildContext(r.docs.map((d) => d.object));
  } else return 'give specPath or files';
  return {
    routeUrl(url, method, headers) {
      const label = `${method} ${url}`;
      const m = mapUrl(ctx, url);
      if (!m.ok) return { request: label, status: 0, reason: m.reason };
      const routed = routeUrl(ctx, m.mapped, method, headers);
      return shape(label, routed.routed.result, routed.status);
    },
    route(q) {
      const label = `${q.method ?? 'GET'} ${q.scheme}://${q.host ?? '<gateway>'}:${q.port}${q.path}`;
      return shape(label, routeRequest(ctx.table, q));
    },
    assumptions: describeAssumptions(ctx),
  };
}
