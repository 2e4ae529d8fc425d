import type * as z from 'zod';
import { fullJsonSchema } from '../lean-schema.js';

export const SCHEMA_PARTS = [
  'traffic-spec',
  'gateway',
  'tls',
  'route',
  'rate-limit',
  'circuit-breaker',
  'retry',
  'timeouts',
  'autoscaling',
  'criterion',
] as const;

/** Full JSON Schema of the spec or one part (the same zod the tools validate with). */
export async function schemaFor(part: string): Promise<Record<string, unknown>> {
  const s = await import('../../spec/schema/index.js');
  const { Criterion } = await import('../../spec/checks.js');
  const parts: Record<string, z.ZodType> = {
    'traffic-spec': s.TrafficSpec,
    gateway: s.Gateway,
    tls: s.Tls,
    route: s.Route,
    'rate-limit': s.RateLimit,
    'circuit-breaker': s.CircuitBreaker,
    retry: s.Retry,
    timeouts: s.Timeouts,
    autoscaling: s.Autoscaling,
    criterion: Criterion,
  };
  const schema = parts[part];
  if (!schema) throw new Error(`no schema "${part}"; parts: ${SCHEMA_PARTS.join(', ')}`);
  return fullJsonSchema(schema);
}
