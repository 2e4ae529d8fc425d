import { resolve } from 'node:path';
import * as z from 'zod';
import { simRequestSchema } from '../../simulate/route/requests-file.js';
import { ConfigPathsListArg, SpecPathArg, UrlRequestArg } from '../inputs.js';
import { defineTool, failure, result } from '../tool.js';

const Output = z.object({
  results: z.array(
    z.object({
      request: z.string(),
      status: z.number().describe('0: no listener answers'),
      backend: z.string().optional(),
      weightedBackends: z.record(z.string(), z.number()).optional(),
      listener: z.string().optional(),
      route: z.string().optional(),
      rule: z.number().optional(),
      location: z.string().optional(),
      reason: z.string().optional(),
    }),
  ),
  assumptions: z.array(z.string()),
});

export default defineTool({
  name: 'simulate_requests',
  title: 'Simulate requests',
  description:
    'Predict, with no cluster, the listener, route and backend each request reaches, or its 404/421/500 and why.',
  input: z.object({
    specPath: SpecPathArg.describe('Spec file (URLs map via externalUrls)'),
    configPaths: ConfigPathsListArg.describe('Or manifests'),
    requests: z
      .array(z.union([UrlRequestArg, simRequestSchema]))
      .min(1)
      .max(500)
      .describe('[{url, method?, headers?}] or [{scheme, port (listener), path, host?, headers?}]'),
  }),
  output: Output,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, ctx) {
    const { simulate } = await import('../../core/api.js');
    const r = await simulate({
      specPath: args.specPath && resolve(ctx.cwd, args.specPath),
      configPaths: args.configPaths.map((p) => resolve(ctx.cwd, p)),
      requests: args.requests,
    });
    if (r.inputError || !r.results.length) {
      const first = r.diagnostics.find((d) => d.severity === 'error');
      return failure(`simulate_requests: could not load the stack${first ? `: ${first.code} ${first.message}` : ''}`);
    }
    const results = r.results.map((x) => ({
      request: x.request,
      status: x.status,
      ...(x.backend ? { backend: x.backend } : {}),
      ...(x.weightedBackends ? { weightedBackends: x.weightedBackends } : {}),
      ...(x.listener ? { listener: x.listener } : {}),
      ...(x.route ? { route: x.route } : {}),
      ...(x.rule !== undefined ? { rule: x.rule } : {}),
      ...(x.location ? { location: x.location } : {}),
      ...(x.reason ? { reason: x.reason } : {}),
    }));
    const lines = results.map(
      (x) => `${x.request} → ${x.status}${x.backend ? ` ${x.backend}` : ''}${x.reason ? ` (${x.reason})` : ''}`,
    );
    const shown =
      lines.length > 40 ? [...lines.slice(0, 40), `… ${lines.length - 40} more in structuredContent.results`] : lines;
    return result({ results, assumptions: r.assumptions }, shown.join('\n'));
  },
});
