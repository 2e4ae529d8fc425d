import type { Manifest } from '../../model/manifest.js';
import type { Criterion } from '../../spec/checks.js';
import type { TrafficPlan } from '../../spec/plan/types.js';

/**
 * `proved`: decided from the configuration alone. `violated`: the configuration cannot give the
 * expected result. `needs-live`: only a running system can tell (reachability, response bodies,
 * controller status). `manual`: a command that could not be parsed.
 */
export type StaticVerdict = 'proved' | 'violated' | 'needs-live' | 'manual';

export interface StaticCheckResult {
  /** `http`, `json`, `burst`, `tls`, `resource`, `dry-run`, `manual`. */
  kind: string;
  verdict: StaticVerdict;
  expected: unknown;
  predicted: unknown;
  explanation: string;
  /** The spec command this came from. */
  raw?: string;
}

export interface StaticCriterionResult {
  id: string;
  title: string;
  verdict: StaticVerdict;
  /** What the verdict rests on: listener, route, rule, backend, bucket, counts, fields. */
  evidence: string;
  checks: StaticCheckResult[];
}

export interface StaticReport {
  criteria: StaticCriterionResult[];
  summary: Record<StaticVerdict, number>;
  /** Assumptions the whole run made (replicas, rate-limit service, Services not in the stack). */
  assumptions: string[];
}

export interface StaticOptions {
  /** For `externalUrls` (criteria origins → listeners), the Gateway name and the Envoy replica count. */
  plan?: TrafficPlan;
  /** Envoy replicas for local rate limits. @default plan.gateway.envoyReplicas ?? 1 */
  envoyReplicas?: number;
  /** The EnvoyGateway config enables the rate-limit service (global limits). @default true */
  rateLimitService?: boolean;
  /**
   * Services that exist outside the stack (the app's own, e.g. the spec's `services`), as
   * `namespace/name` or bare names in the plan's namespace. Routes to them count as served.
   */
  services?: string[];
  /** Schema validation of the stack for dry-run checks; without it they are `needs-live`. */
  validate?: (manifests: readonly Manifest[]) => { ok: boolean; summary: string };
  /** Clock for certificate validity. @default new Date() */
  now?: Date;
}

export type { Criterion };
