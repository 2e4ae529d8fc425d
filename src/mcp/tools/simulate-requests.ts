import { resolve } from 'node:path';
import * as z from 'zod';
import { simRequestSchema } from '../../simulate/route/requests-file.js';
import { loadForSimulation } from '../simulate-load.js';
import { defineTool, failure, result } from '../tool.js';

const UrlRequest = z.object({
  url: z.string().url(),
  method: z.string().default('GET'),
  headers: z.record(z.string(), z.string()).default({}),
});

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
    'Predict without a cluster which listener, route and backend each request reaches, or its 404/421/500 and why.',
  input: z.object({
    specPath: z.string().optional().describe('Spec file (URLs map via externalUrls)'),
    files: z.array(z.string()).optional().describe('Or manifest files'),
    requests: z
      .array(z.union([UrlRequest, simRequestSchema]))
      .min(1)
      .max(500)
      .describe('[{url, method?, headers?}] or [{scheme, port (listener), path, host?, headers?}]'),
  }),
  output: Output,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, ctx) {
    const loaded = await loadForSimulation({
      specPath: args.specPath && resolve(ctx.cwd, args.specPath),
      files: args.files?.map((f) => resolve(ctx.cwd, f)),
    });
    if (typeof loaded === 'string') return failure(`simulate_requests: ${loaded}`);
    const results = args.requests.map((q) =>
      'url' in q ? loaded.routeUrl(q.url, q.method, q.headers) : loaded.route(q),
    );
    const lines = results.map(
      (r) => `${r.request} → ${r.status}${r.backend ? ` ${r.backend}` : ''}${r.reason ? ` (${r.reason})` : ''}`,
    );
    return result({ results, assumptions: loaded.assumptions }, lines.join('\n'));
  },
});
