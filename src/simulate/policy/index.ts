/**
 * Policy simulation on routed requests (Envoy Gateway v1.9 BackendTrafficPolicy and KEDA/HPA):
 * attachment and precedence (`resolvePolicy`), validity (`policyProblems`), rate limits over a
 * timed request sequence (`simulateRateLimit`), circuit-breaker overflow (`simulateCircuitBreaker`)
 * and replica math (`desiredReplicas`, `nextReplicas`, `HPA_BEHAVIOR_DEFAULTS`).
 */
export type { AttachedPolicy, PolicyLevel, PolicyResolution, PolicyTarget, TargetObject } from './attach.js';
export { resolvePolicy } from './attach.js';
export type { ScalingInput, ScalingOutcome, ScalingPolicy, ScalingRules } from './autoscaling.js';
export {
  desiredReplicas,
  effectiveBehavior,
  HPA_BEHAVIOR_DEFAULTS,
  nextReplicas,
  stabilizedDown,
} from './autoscaling.js';
export { CIRCUIT_BREAKER_DEFAULT, circuitBreakerOf, simulateCircuitBreaker } from './circuit-breaker.js';
export { formatCounts, simulateRateLimit, statusCounts } from './ratelimit.js';
export type { RateLimitRule, Selector, ValueMatch } from './rules.js';
export { activeScopes, descriptorOf, inCidr, readRules } from './rules.js';
export type * from './types.js';
export { UNIT_MS, unitMs } from './units.js';
export type { PolicyProblem, ValidateOptions } from './validate.js';
export { policyProblems, rateLimitProblems } from './validate.js';
