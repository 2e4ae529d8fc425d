import * as z from 'zod';
import { Label } from '../../spec/schema/index.js';
import { AppFields, generateResult, PartOutput, partSpec, READ_ONLY, runGenerate } from '../generate-common.js';
import { CircuitBreakerArg, RetryArg, TimeoutsArg } from '../parts.js';
import { defineTool } from '../tool.js';

export default defineTool({
  name: 'generate_circuit_breaker',
  title: 'Generate overload protection',
  description: 'Circuit breaker (per Envoy replica; 503 beyond), retries, timeouts policy.',
  input: z.object({
    ...AppFields,
    routeName: Label.optional(),
    circuitBreaker: CircuitBreakerArg,
    retry: RetryArg.optional(),
    timeouts: TimeoutsArg.optional(),
  }),
  output: PartOutput,
  annotations: READ_ONLY,
  async run({ app, namespace, routeName, circuitBreaker, retry, timeouts }, ctx) {
    const rest = {
      circuitBreaker,
      ...(retry ? { retry } : {}),
      ...(timeouts ? { timeouts } : {}),
    };
    const { out } = await runGenerate(
      { spec: partSpec(app, namespace, rest, routeName) as never },
      { kinds: ['BackendTrafficPolicy'], cwd: ctx.cwd },
    );
    return generateResult(out, 'generate_circuit_breaker');
  },
});
