import * as z from 'zod';
import { HeaderName } from './names.js';

const Unit = z.enum(['Second', 'Minute', 'Hour', 'Day']);

export const Limit = z
  .object({
    requests: z.number().int().min(0).max(4294967295),
    unit: Unit.default('Minute'),
  })
  .strict();

/** Which requests a tier applies to. All given conditions must hold (AND). */
export const TierMatch = z
  .object({
    headerAbsent: HeaderName.optional().describe('Requests without this header (e.g. anonymous callers).'),
    headerPresent: HeaderName.optional().describe('Requests with this header, any value.'),
    headers: z
      .array(
        z
          .object({
            name: HeaderName,
            value: z.string().min(1).max(1024),
            type: z.enum(['Exact', 'RegularExpression']).default('Exact'),
            invert: z.boolean().default(false),
          })
          .strict(),
      )
      .max(16)
      .default([])
      .describe('Header value conditions, e.g. x-plan: premium.'),
    methods: z.array(z.enum(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'])).default([]),
    path: z.string().startsWith('/').optional().describe('Path prefix.'),
    sourceCIDR: z.string().optional().describe('Client address range (exact CIDR match, one shared bucket).'),
  })
  .strict();

/** What makes a client distinct: each distinct value gets its own bucket. */
export const TierKey = z
  .object({
    header: HeaderName.optional().describe('One bucket per distinct value of this header (e.g. x-user-id).'),
    sourceIP: z
      .boolean()
      .default(false)
      .describe('One bucket per client IP address (within sourceCIDR, default 0.0.0.0/0).'),
  })
  .strict();

export const Tier = z
  .object({
    name: z.string().min(1).max(63).describe('A label for this tier, used in reports.'),
    match: TierMatch.default({ headers: [], methods: [] }),
    key: TierKey.optional().describe('Per-client buckets. Without it, all matching requests share one bucket.'),
    limit: Limit,
    shared: z.boolean().default(false).describe('Global only: one bucket across every targeted route.'),
  })
  .strict();

export const RateLimit = z
  .object({
    scope: z
      .enum(['local', 'global'])
      .default('local')
      .describe(
        'local: per Envoy replica, no dependencies; global: one counter across replicas (needs the Envoy Gateway rate-limit service with Redis).',
      ),
    target: z
      .enum(['route', 'gateway'])
      .default('route')
      .describe('Attach the policy to the generated HTTPRoute(s) or to the Gateway. Buckets are per route either way.'),
    tiers: z.array(Tier).min(1).max(16),
  })
  .strict();

export type TierSpec = z.infer<typeof Tier>;
export type RateLimitSpec = z.infer<typeof RateLimit>;
