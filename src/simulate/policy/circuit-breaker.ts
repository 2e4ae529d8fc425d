/**
 * Circuit breaker (reference §3): what N concurrent requests to one backendRef on one Envoy replica
 * get. Model (Envoy connection pool, HTTP/1.1 upstream, one request per connection, warm pool):
 * a request finding a free connection is checked against `maxParallelRequests` (over it: immediate
 * 503, envoy#16610); with no free connection (all `maxConnections` busy) it joins the pending queue
 * if fewer than `maxPendingRequests` wait, else 503. Overflow 503s carry `x-envoy-overloaded: true`
 * (response flag UO). Thresholds are per Envoy replica and per backendRef; defaults 1024.
 */
import type { Manifest } from '../../model/manifest.js';
import type { CircuitBreakerOutcome, CircuitBreakerThresholds } from './types.js';

export const CIRCUIT_BREAKER_DEFAULT = 1024;

/** The thresholds of a BTP (or its `spec.circuitBreaker`), with Envoy Gateway's defaults. */
export function circuitBreakerOf(policy?: Manifest | Record<string, unknown>): CircuitBreakerThresholds {
  const spec = policy && 'kind' in policy ? ((policy as { spec?: Record<string, unknown> }).spec ?? {}) : policy;
  const cb = ((spec as Record<string, unknown> | undefined)?.circuitBreaker ?? spec ?? {}) as Record<string, unknown>;
  const n = (k: string) => (typeof cb[k] === 'number' ? (cb[k] as number) : CIRCUIT_BREAKER_DEFAULT);
  return {
    maxConnections: n('maxConnections'),
    maxPendingRequests: n('maxPendingRequests'),
    maxParallelRequests: n('maxParallelRequests'),
  };
}

/** N requests in flight at once on one replica, to one backendRef. Pure. */
export function simulateCircuitBreaker(
  thresholds: CircuitBreakerThresholds,
  concurrent: number,
): CircuitBreakerOutcome {
  const { maxConnections: c, maxPendingRequests: p, maxParallelRequests: r } = thresholds;
  const n = Math.max(0, Math.floor(concurrent));
  const withConnection = Math.min(n, c);
  const served = Math.min(withConnection, r);
  const overParallel = withConnection - served;
  const waiting = n - withConnection;
  const queued = Math.min(waiting, p);
  const overPending = waiting - queued;
  const rejected = overParallel + overPending;
  const parts = [`${served} sent upstream`];
  if (queued) parts.push(`${queued} queued for a connection (maxConnections ${c} busy)`);
  if (overParallel) parts.push(`${overParallel} × 503 over maxParallelRequests ${r}`);
  if (overPending) parts.push(`${overPending} × 503 over maxPendingRequests ${p}`);
  return {
    thresholds,
    concurrent: n,
    served,
    queued,
    rejected,
    rejectedBy: { maxParallelRequests: overParallel, maxPendingRequests: overPending },
    explanation: `${n} concurrent requests per replica: ${parts.join(', ')}${rejected ? ' (503s carry x-envoy-overloaded: true)' : ''}`,
  };
}
