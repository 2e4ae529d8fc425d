export { Autoscaling, type AutoscalingSpec, Trigger, type TriggerSpec } from './autoscaling.js';
export { Gateway, type GatewaySpec, Listener } from './gateway.js';
export { DNS_LABEL, DNS_SUBDOMAIN, Duration, HOSTNAME, Hostname, Label, Subdomain } from './names.js';
export { Limit, RateLimit, type RateLimitSpec, Tier, TierKey, TierMatch, type TierSpec } from './ratelimit.js';
export { CircuitBreaker, Retry, Timeouts } from './resilience.js';
export { BackendRef, PathMatch, Route, RouteMatch, RouteRule, type RouteSpec } from './routes.js';
export { Service, type ServiceSpec, TrafficSpec, type TrafficSpecInput } from './spec.js';
export { Tls, type TlsSpec } from './tls.js';
