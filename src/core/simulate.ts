/**
 * `simulate`: predict, from the configuration alone, which listener, route, rule and backend each
 * request reaches (or its redirect, 404/421/500 and why). Requests are conformance-style objects
 * (`{gateway, port, scheme, host, path, …}`) or URLs, which are mapped to listeners through the spec's
 * `gateway.externalUrls` (or the URL's port).
 */
import type * as z from 'zod';
import { buildContext, describeAssumptions, mapUrl, routeUrl, type StaticContext } from '../criteria/static/index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Manifest } from '../model/manifest.js';
import { buildRouteTable, type RouteTable, routeRequest } from '../simulate/route/index.js';
import type { SimRequest, SimResult } from '../simulate/route/types.js';
import { generate } from './generate.js';
import { SimulateInput } from './inputs.js';
import { readManifests } from './read-manifests.js';

export { SimulateInput, UrlRequest } from './inputs.js';

export interface SimulateOutcome extends SimResult {
  /** `METHOD url` or `METHOD scheme://host:port/path`, for reports. */
  request: string;
}

export interface SimulateResult {
  results: SimulateOutcome[];
  assumptions: string[];
  diagnostics: Diagnostic[];
  inputError?: boolean;
}

async function stackOf(
  args: z.infer<typeof SimulateInput>,
  readStdin?: () => Promise<string>,
): Promise<{ ctx?: StaticContext; exact?: RouteTable; diagnostics: Diagnostic[]; inputError?: boolean }> {
  if (args.configPaths.length) {
    const r = await readManifests(args.configPaths, readStdin);
    if (r.inputError || r.diagnostics.some((d) => d.severity === 'error'))
      return { diagnostics: r.diagnostics, inputError: true };
    const manifests: Manifest[] = r.docs.map((d) => d.object);
    // Raw requests against manifest files see exactly those objects (a missing Service is a 500);
    // URL requests go through the criteria context, which also maps origins to listeners.
    return { ctx: buildContext(manifests), exact: buildRouteTable(manifests), diagnostics: r.diagnostics };
  }
  if (args.specPath) {
    const g = await generate({ specPath: args.specPath }, { skipValidation: true, checkCriteria: false, readStdin });
    if (!g.ok || !g.spec || !g.plan) return { diagnostics: g.diagnostics, inputError: g.inputError };
    const spec = g.spec;
    return {
      ctx: buildContext(g.manifests, {
        plan: g.plan,
        services: spec.services.map((s) => `${spec.namespace}/${s.name}`),
      }),
      diagnostics: [],
    };
  }
  return {
    diagnostics: [{ code: 'input/missing', severity: 'error', message: 'give a spec or manifest files' }],
    inputError: true,
  };
}

/** Routes every request through the stack of a spec or of manifest files, in order. */
export async function simulate(
  input: SimulateInput,
  deps: { readStdin?: () => Promise<string> } = {},
): Promise<SimulateResult> {
  const args = SimulateInput.parse(input);
  const stack = await stackOf(args, deps.readStdin);
  if (!stack.ctx) return { results: [], assumptions: [], diagnostics: stack.diagnostics, inputError: stack.inputError };
  const ctx = stack.ctx;
  const results = args.requests.map((q): SimulateOutcome => {
    if ('url' in q) {
      const request = `${q.method} ${q.url}`;
      const m = mapUrl(ctx, q.url);
      if (!m.ok) return { request, status: 0, reason: m.reason };
      const routed = routeUrl(ctx, m.mapped, q.method, q.headers);
      return { ...routed.routed.result, status: routed.status, request };
    }
    const r = q as SimRequest;
    const request = `${r.method ?? 'GET'} ${r.scheme}://${r.host ?? '<gateway>'}:${r.port}${r.path}`;
    return { ...routeRequest(stack.exact ?? ctx.table, r), request };
  });
  return { results, assumptions: describeAssumptions(ctx), diagnostics: stack.diagnostics };
}
