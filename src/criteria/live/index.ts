/**
 * Live verification of success criteria: every parsed check of a spec, run against the running system
 * (HTTP, JSON fields, TLS, bursts against rate limits, Kubernetes objects, Prometheus triggers, dry-run).
 */
export { adjustExpectation, BucketLedger, waitSeconds } from './buckets.js';
export { liveClusterFrom, resolveKind } from './cluster-adapter.js';
export { formatVerifyText } from './format.js';
export { type PlannedForward, planForwards } from './forward-plan.js';
export { evalJqPath, type JqResult, jqValueMatches, parseJqPath } from './json-path.js';
export { mapOrigin, parseOrigins, type Target } from './origin.js';
export { burstPredictor, rateLimitWindowsFrom } from './predict.js';
export { age, evalJsonPath, type PrinterColumn, printerColumns } from './printer-columns.js';
export { desiredReplicas, readScaledObjectTriggers, type ScalerReading } from './scaler.js';
export type {
  BurstPrediction,
  CheckResult,
  CriterionResult,
  DryRunOutcome,
  LiveCluster,
  PredictionContext,
  RateLimitWindows,
  Verdict,
  VerifyOptions,
  VerifyReport,
} from './types.js';
export { judge, verifyCriteria } from './verify.js';
