/**
 * The spec parts as tool arguments: the zod parts themselves, each with a one-line shape and example
 * for tools/list (which lists arguments one level deep; the full JSON Schema is te://schema/{part}).
 */
import { Autoscaling, CircuitBreaker, Gateway, Retry, Timeouts, Tls, TrafficSpec } from '../spec/schema/index.js';
import { RateLimit } from '../spec/schema/ratelimit.js';

export const GatewayArg = Gateway.describe(
  '{name?, listeners?: [{protocol: HTTP|HTTPS, port, hostname?}], redirectHttpToHttps?}',
);
export const TlsArg = Tls.describe('{mode: self-signed|secret|cert-manager, secretName?, hosts?, issuerRef?}');
export const ServicesArg = TrafficSpec.shape.services.describe('[{name, port}]; the first is the default backend');
export const RoutesArg = TrafficSpec.shape.routes.describe(
  '[{name?, hostnames?, rules: [{path, backend} or {matches, backends: [{name, weight?}]}]}]',
);
export const RateLimitArg = RateLimit.describe(
  '{scope?: local|global, tiers: [{name, key?: {header}|{sourceIP: true}, match?: {headerAbsent?, headers?, path?}, limit: {requests, unit?: Minute}}]}',
);
export const CircuitBreakerArg = CircuitBreaker.describe(
  '{maxConnections?, maxPendingRequests?, maxParallelRequests?}',
);
export const RetryArg = Retry.describe('{numRetries?, retryOn?, perRetryTimeout?}');
export const TimeoutsArg = Timeouts.describe('{connect?, request?, idle?} e.g. 5s');
export const AutoscalingArg = Autoscaling.describe(
  '{engine?: keda|hpa, minReplicas?, maxReplicas?, fallback?, triggers: [{type: prometheus, serverAddress, threshold}|{type: cpu, utilization}|{type: cron, timezone, start, end, desiredReplicas}]}',
);
