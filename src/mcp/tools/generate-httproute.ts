import * as z from 'zod';
import { AppFields, generateResult, PartOutput, partSpec, READ_ONLY, runGenerate } from '../generate-common.js';
import { GatewayArg, RoutesArg, ServicesArg } from '../parts.js';
import { defineTool } from '../tool.js';

export default defineTool({
  name: 'generate_httproute',
  title: 'Generate HTTPRoutes',
  description: 'HTTPRoutes: path/header/method matches, weighted backends (canary), timeouts.',
  input: z.object({
    ...AppFields,
    services: ServicesArg,
    routes: RoutesArg,
    gateway: GatewayArg.optional().describe('{name?, listeners?}: the Gateway routes attach to'),
  }),
  output: PartOutput,
  annotations: READ_ONLY,
  async run({ app, namespace, services, routes, gateway }, ctx) {
    const spec = { ...partSpec(app, namespace, { routes, ...(gateway ? { gateway } : {}) }), services };
    const { out } = await runGenerate({ spec: spec as never }, { kinds: ['HTTPRoute'], cwd: ctx.cwd });
    return generateResult(out, 'generate_httproute');
  },
});
