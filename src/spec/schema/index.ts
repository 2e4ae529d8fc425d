export { TrafficSpec, Service, type TrafficSpecInput, type ServiceSpec } from './spec.js';
export { Gateway, Listener, type GatewaySpec } from './gateway.js';
export { Tls, type TlsSpec } from './tls.js';
export { Route, RouteRule, RouteMatch, PathMatch, BackendRef, type RouteSpec } from './routes.js';
export { RateLimit, Tier, TierMatch, TierKey, Limit, type RateLimitSpec, type TierSpec } from './ratelimit.js';
export { CircuitBreaker, Retry, Timeouts } from './resilience.js';
export { Autoscaling, Trigger, type AutoscalingSpec, type TriggerSpec } from './autoscaling.js';
export { DNS_LABEL, DNS_SUBDOMAIN, HOSTNAME, Label, Subdomain, Hostname, Duration } from './names.js';
