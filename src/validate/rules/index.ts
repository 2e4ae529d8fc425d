/**
 * Cross-resource rules (`ref/*`), KEDA v2.20 admission and scaler rules (`keda/*`) and production lints (`lint/*`).
 *
 * Usage (what `validate` wires after schema validation, on the same SourceDocs):
 *
 * ```ts
 * const diags = runRules(docs, { clusterObjects, envoyReplicas, expectedConcurrency });
 * ```
 *
 * Rules read the documents as written (they apply the CRD defaults they need themselves) and never mutate them.
 * Adding a rule: one file `<group>/<name>.ts` exporting a `Rule` whose id is `<group>/<name>`, a table test at
 * `test/validate/rules/<group>/<name>.test.ts`, and one line in the list below (test/validate/rules/index.test.ts
 * enforces all three).
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import type { SourceDoc } from '../../model/manifest.js';
import { cachedMetricsUnsupported } from './keda/cached-metrics-unsupported.js';
import { cpuMemoryMetadata } from './keda/cpu-memory-metadata.js';
import { cpuMemoryRequests } from './keda/cpu-memory-requests.js';
import { cpuMemoryScaleToZero } from './keda/cpu-memory-scale-to-zero.js';
import { cronMetadata } from './keda/cron-metadata.js';
import { duplicateTriggerName } from './keda/duplicate-trigger-name.js';
import { fallback } from './keda/fallback.js';
import { hpaNameTaken } from './keda/hpa-name-taken.js';
import { idleReplicaCount } from './keda/idle-replica-count.js';
import { nameLength } from './keda/name-length.js';
import { noTriggers } from './keda/no-triggers.js';
import { prometheusMetadata } from './keda/prometheus-metadata.js';
import { promqlSyntax } from './keda/promql-syntax.js';
import { replicaBounds } from './keda/replica-bounds.js';
import { scalingModifiers } from './keda/scaling-modifiers.js';
import { workloadAlreadyManaged } from './keda/workload-already-managed.js';
import { bucketPerRoute } from './lint/bucket-per-route.js';
import { circuitBreakerBelowConcurrency } from './lint/circuit-breaker-below-concurrency.js';
import { duplicateRateLimitSelector } from './lint/duplicate-rate-limit-selector.js';
import { exactStarHeader } from './lint/exact-star-header.js';
import { httpWithoutHttpsRedirect } from './lint/http-without-https-redirect.js';
import { httpsListenerWithoutHostname } from './lint/https-listener-without-hostname.js';
import { invalidHeaderMatch } from './lint/invalid-header-match.js';
import { invertedExactStar } from './lint/inverted-exact-star.js';
import { kedaCooldownIgnored } from './lint/keda-cooldown-ignored.js';
import { kedaMetricName } from './lint/keda-metric-name.js';
import { kedaPollingIntervalIgnored } from './lint/keda-polling-interval-ignored.js';
import { localDefaultUnit } from './lint/local-default-unit.js';
import { localLimitReplicas } from './lint/local-limit-replicas.js';
import { multipleDefaultLocalRules } from './lint/multiple-default-local-rules.js';
import { perUserSharedBucket } from './lint/per-user-shared-bucket.js';
import { prometheusNullAsZero } from './lint/prometheus-null-as-zero.js';
import { prometheusQueryUnscoped } from './lint/prometheus-query-unscoped.js';
import { rateLimitRuleNeverMatches } from './lint/rate-limit-rule-never-matches.js';
import { scaleToZeroBehindGateway } from './lint/scale-to-zero-behind-gateway.js';
import { spoofableIdentityHeader } from './lint/spoofable-identity-header.js';
import { backendService } from './ref/backend-service.js';
import { gatewayClass } from './ref/gateway-class.js';
import { listenerCertificate } from './ref/listener-certificate.js';
import { listenerConflict } from './ref/listener-conflict.js';
import { parentGateway } from './ref/parent-gateway.js';
import { policyConflict } from './ref/policy-conflict.js';
import { policyTarget } from './ref/policy-target.js';
import { scaleTarget } from './ref/scale-target.js';
import type { Rule } from './rule.js';
import { type RunRulesOptions, runRuleList } from './run.js';

/** Rules that resolve references between objects (`ref/*`). */
export const refRules: readonly Rule[] = [
  backendService,
  gatewayClass,
  listenerCertificate,
  listenerConflict,
  parentGateway,
  policyConflict,
  policyTarget,
  scaleTarget,
];

/** KEDA v2.20 admission-webhook rules and scaler metadata checks (`keda/*`). */
export const kedaRules: readonly Rule[] = [
  cachedMetricsUnsupported,
  cpuMemoryMetadata,
  cpuMemoryRequests,
  cpuMemoryScaleToZero,
  cronMetadata,
  duplicateTriggerName,
  fallback,
  hpaNameTaken,
  idleReplicaCount,
  nameLength,
  noTriggers,
  prometheusMetadata,
  promqlSyntax,
  replicaBounds,
  scalingModifiers,
  workloadAlreadyManaged,
];

/** Production lints: valid YAML that does not do what it seems to (`lint/*`). */
export const lintRules: readonly Rule[] = [
  bucketPerRoute,
  circuitBreakerBelowConcurrency,
  duplicateRateLimitSelector,
  exactStarHeader,
  httpWithoutHttpsRedirect,
  httpsListenerWithoutHostname,
  invalidHeaderMatch,
  invertedExactStar,
  kedaCooldownIgnored,
  kedaMetricName,
  kedaPollingIntervalIgnored,
  localDefaultUnit,
  localLimitReplicas,
  multipleDefaultLocalRules,
  perUserSharedBucket,
  prometheusNullAsZero,
  prometheusQueryUnscoped,
  rateLimitRuleNeverMatches,
  scaleToZeroBehindGateway,
  spoofableIdentityHeader,
];

/** Every rule, in the order they run. The list is explicit: a rule not listed here does not run. */
export const allRules: readonly Rule[] = [...refRules, ...kedaRules, ...lintRules];

/**
 * Runs every rule (or `opts.rules`) over the documents and returns the findings with
 * `resource`, `path`, and `file`/`line`/`column` filled from each document's positions.
 * Pass `clusterObjects` when connected: missing references then become errors instead of warnings.
 */
export function runRules(docs: readonly SourceDoc[], opts: RunRulesOptions = {}): Diagnostic[] {
  return runRuleList(allRules, docs, opts);
}

/** Looks a rule up by its code. */
export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}

export { createRuleContext, isClusterScoped } from './context.js';
export type { Entry, Rule, RuleContext, RuleDocs, RuleOptions } from './rule.js';
export { entryOf, finding } from './rule.js';
export { compareDiagnostics, type RunRulesOptions, runRuleList } from './run.js';
export {
  backendService,
  bucketPerRoute,
  cachedMetricsUnsupported,
  circuitBreakerBelowConcurrency,
  cpuMemoryMetadata,
  cpuMemoryRequests,
  cpuMemoryScaleToZero,
  cronMetadata,
  duplicateRateLimitSelector,
  duplicateTriggerName,
  exactStarHeader,
  fallback,
  gatewayClass,
  hpaNameTaken,
  httpsListenerWithoutHostname,
  httpWithoutHttpsRedirect,
  idleReplicaCount,
  invalidHeaderMatch,
  invertedExactStar,
  kedaCooldownIgnored,
  kedaMetricName,
  kedaPollingIntervalIgnored,
  listenerCertificate,
  listenerConflict,
  localDefaultUnit,
  localLimitReplicas,
  multipleDefaultLocalRules,
  nameLength,
  noTriggers,
  parentGateway,
  perUserSharedBucket,
  policyConflict,
  policyTarget,
  prometheusMetadata,
  prometheusNullAsZero,
  prometheusQueryUnscoped,
  promqlSyntax,
  rateLimitRuleNeverMatches,
  replicaBounds,
  scaleTarget,
  scaleToZeroBehindGateway,
  scalingModifiers,
  spoofableIdentityHeader,
  workloadAlreadyManaged,
};
