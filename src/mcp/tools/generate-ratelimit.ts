import * as z from 'zod';
import { Label } from '../../spec/schema/index.js';
import { AppFields, GenerateOutput, generateResult, partSpec, READ_ONLY, runGenerate } from '../generate-common.js';
import { RateLimitArg } from '../parts.js';
import { defineTool } from '../tool.js';

export default defineTool({
  name: 'generate_ratelimit',
  title: 'Generate a rate limit',
  description:
    'Rate limit (BackendTrafficPolicy): per-client buckets (key.header), anonymous tier (match.headerAbsent); local is per Envoy replica.',
  input: z.object({
    ...AppFields,
    routeName: Label.optional().describe('Target HTTPRoute (default <app>-route)'),
    policyName: Label.optional(),
    rateLimit: RateLimitArg,
  }),
  output: GenerateOutput,
  annotations: READ_ONLY,
  async run({ app, namespace, routeName, policyName, rateLimit }, ctx) {
    const rest = {
      rateLimit,
      ...(policyName ? { policyName } : {}),
    };
    const { out } = await runGenerate(
      { spec: partSpec(app, namespace, rest, routeName) as never },
      { kinds: ['BackendTrafficPolicy'], cwd: ctx.cwd },
    );
    return generateResult(out, 'generate_ratelimit');
  },
});
