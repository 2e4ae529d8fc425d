import * as z from 'zod';
import { Label } from '../../spec/schema/index.js';
import { AppFields, generateResult, PartOutput, partSpec, READ_ONLY, runGenerate } from '../generate-common.js';
import { RateLimitArg } from '../parts.js';
import { defineTool } from '../tool.js';

export default defineTool({
  name: 'generate_ratelimit',
  title: 'Generate a rate limit',
  description: 'Rate limit policy: per-client buckets (key.header), anonymous tier (match.headerAbsent).',
  input: z.object({
    ...AppFields,
    routeName: Label.optional(),
    rateLimit: RateLimitArg,
  }),
  output: PartOutput,
  annotations: READ_ONLY,
  async run({ app, namespace, routeName, rateLimit }, ctx) {
    const rest = {
      rateLimit,
    };
    const { out } = await runGenerate(
      { spec: partSpec(app, namespace, rest, routeName) as never },
      { kinds: ['BackendTrafficPolicy'], cwd: ctx.cwd },
    );
    return generateResult(out, 'generate_ratelimit');
  },
});
