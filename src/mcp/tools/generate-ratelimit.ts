import * as z from 'zod';
import { Label } from '../../spec/schema/index.js';
import { AppFields, GenerateOutput, generateResult, partSpec, READ_ONLY, runGenerate } from '../generate-common.js';
import { RateLimitArg } from '../parts.js';
import { defineTool } from '../tool.js';

export default defineTool({
  name: 'generate_ratelimit',
  title: 'Generate a rate limit',
  description:
    'BackendTrafficPolicy rate limit: per-client buckets (key.header), anonymous tier (match.headerAbsent). local = per Envoy replica.',
  input: z.object({
    ...AppFields,
    routeName: Label.optional().describe('Target HTTPRoute (default <app>-route)'),
    gatewayName: Label.optional().describe('Target Gateway when rateLimit.target is gateway'),
    policyName: Label.optional(),
    rateLimit: RateLimitArg,
  }),
  output: GenerateOutput,
  annotations: READ_ONLY,
  async run({ app, namespace, routeName, gatewayName, policyName, rateLimit }, ctx) {
    const rest = {
      rateLimit,
      ...(policyName ? { policyName } : {}),
      ...(gatewayName ? { gateway: { name: gatewayName } } : {}),
    };
    const { out } = await runGenerate(
      { spec: partSpec(app, namespace, rest, routeName) as never },
      { kinds: ['BackendTrafficPolicy'], cwd: ctx.cwd },
    );
    return generateResult(out, 'generate_ratelimit');
  },
});
