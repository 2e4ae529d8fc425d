/**
 * Policy simulation contract: BackendTrafficPolicy rate limits, circuit breaker and attachment,
 * as Envoy Gateway v1.9 translates them (reference envoy-gateway.md §1–§3, §5).
 */

export type RateLimitUnit = 'Second' | 'Minute' | 'Hour' | 'Day' | 'Week' | 'Month' | 'Year';

/** One request of a timed sequence, after routing. */
export interface RateLimitRequest {
  /** Milliseconds; global windows are aligned to multiples of the unit from t = 0. */
  t: number;
  headers?: Record<string, string | string[]>;
  sourceIP?: string;
  method?: string;
  /** Path, optionally with `?query`. */
  path?: string;
  /** The Envoy route the request was routed to (each route has its own buckets unless `shared`). */
  route: string;
}

export interface RateLimitOptions {
  /** Envoy replicas: local buckets exist once per replica. @default 1 */
  envoyReplicas?: number;
  /** Which replica serves request i. @default round robin: i % envoyReplicas */
  replicaOf?: (i: number) => number;
  /**
   * Local token-bucket refill. `continuous` (Envoy's AtomicTokenBucket: the default behind the
   * runtime guard `no_timer_based_rate_limit_token_bucket`, and the only bucket once that guard was
   * removed): `requests` tokens per unit, added continuously. `interval`: the legacy timer bucket, `requests` tokens added at every whole
   * unit since t = 0. Both start full and never exceed `requests`. @default 'continuous'
   */
  refill?: 'continuous' | 'interval';
  /** The EnvoyGateway config enables the rate-limit service (needed by global rules). @default true */
  rateLimitService?: boolean;
}

/** Which rule of which block, and the bucket key it counted in. */
export interface BucketRef {
  scope: 'local' | 'global';
  /** Index in `rateLimit.<scope>.rules`; `default` for the local route default bucket. */
  rule: number | 'default';
  /** For the default bucket: the index of the selector-less rule that sized it (absent: unlimited 4294967295/Second). */
  defaultRule?: number;
  /** Human-readable bucket key: scope, route (or `shared`), rule, descriptor values, replica/window. */
  bucket: string;
  limit: { requests: number; unit: RateLimitUnit };
}

export interface RateLimitDecision {
  index: number;
  status: 200 | 429 | 500;
  replica: number;
  /** The bucket that refused the request (429), or for 200 the strictest bucket that admitted it. */
  decidedBy?: BucketRef;
  /** Every bucket that took a token or counted the request. */
  consumed: BucketRef[];
  /** Every rule that matched (local rules not reached after a refusal are still listed). */
  matched: BucketRef[];
  reason?: string;
}

export interface CircuitBreakerThresholds {
  maxConnections: number;
  maxPendingRequests: number;
  maxParallelRequests: number;
}

export interface CircuitBreakerOutcome {
  thresholds: CircuitBreakerThresholds;
  concurrent: number;
  /** Sent upstream at once. */
  served: number;
  /** Waiting for a connection; served when one frees up (pending queue). */
  queued: number;
  /** Immediate 503 with `x-envoy-overloaded: true` (response flag UO). */
  rejected: number;
  /** How many of the rejections came from each threshold. */
  rejectedBy: { maxParallelRequests: number; maxPendingRequests: number };
  explanation: string;
}
