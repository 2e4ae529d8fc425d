import * as z from 'zod';
import { Duration } from './names.js';

const Threshold = z.number().int().min(0).max(4294967295);

/** Envoy circuit-breaker thresholds, per Envoy replica and per backend (defaults 1024 in Envoy). */
export const CircuitBreaker = z
  .object({
    maxConnections: Threshold.optional(),
    maxPendingRequests: Threshold.optional(),
    maxParallelRequests: Threshold.optional(),
    maxParallelRetries: Threshold.optional(),
    maxRequestsPerConnection: Threshold.optional(),
  })
  .strict();

export const Retry = z
  .object({
    numRetries: z.number().int().min(0).max(100).default(2),
    retryOn: z
      .object({
        triggers: z
          .array(
            z.enum([
              '5xx',
              'gateway-error',
              'reset',
              'reset-before-request',
              'connect-failure',
              'retriable-4xx',
              'refused-stream',
              'retriable-status-codes',
              'cancelled',
              'deadline-exceeded',
              'internal',
              'resource-exhausted',
              'unavailable',
            ]),
          )
          .default(['connect-failure', 'retriable-status-codes']),
        httpStatusCodes: z.array(z.number().int().min(100).max(599)).default([503]),
      })
      .strict()
      .default({ triggers: ['connect-failure', 'retriable-status-codes'], httpStatusCodes: [503] }),
    perRetryTimeout: Duration.optional(),
    backOff: z.object({ baseInterval: Duration, maxInterval: Duration.optional() }).strict().optional(),
  })
  .strict();

export const Timeouts = z
  .object({
    connect: Duration.optional().describe('TCP connect timeout to the backend'),
    request: Duration.optional().describe('Whole-request timeout (Envoy route timeout)'),
    idle: Duration.optional().describe('Upstream connection idle timeout'),
  })
  .strict();

export type CircuitBreakerSpec = z.infer<typeof CircuitBreaker>;
export type RetrySpec = z.infer<typeof Retry>;
export type TimeoutsSpec = z.infer<typeof Timeouts>;
