import * as z from 'zod';
import { AppFields, generateResult, PartOutput, partSpec, READ_ONLY, runGenerate } from '../generate-common.js';
import { GatewayArg, TlsArg } from '../parts.js';
import { defineTool } from '../tool.js';

export default defineTool({
  name: 'generate_gateway',
  title: 'Generate a Gateway',
  description: 'Gateway (class eg) with HTTP/HTTPS listeners; HTTPS needs tls.',
  input: z.object({ ...AppFields, gateway: GatewayArg.optional(), tls: TlsArg.optional() }),
  output: PartOutput,
  annotations: READ_ONLY,
  async run({ app, namespace, gateway, tls }, ctx) {
    const spec = partSpec(app, namespace, { ...(gateway ? { gateway } : {}), ...(tls ? { tls } : {}) });
    const { out } = await runGenerate({ spec: spec as never }, { kinds: ['Gateway'], cwd: ctx.cwd });
    return generateResult(out, 'generate_gateway');
  },
});
