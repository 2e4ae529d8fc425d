import type { PromQueryResult } from '../../probe/index.js';
import type { BurstCheck, Criterion, DryRunCheck } from '../../spec/checks.js';

export type Verdict = 'passed' | 'failed' | 'skipped';

/**
 * What live verification needs from a cluster; `src/cluster` implements it (structurally),
 * tests inject a fake. Reads only.
 */
export interface LiveCluster {
  /** The object as the API returns it, or undefined when it does not exist. `kind` as written in the spec (any case). */
  getObject(kind: string, name: string, namespace?: string): Promise<Record<string, unknown> | undefined>;
  /** `kubectl get KIND NAME` columns (header → cell, e.g. READY → True), or undefined when the object does not exist. */
  printerColumns(kind: string, name: string, namespace?: string): Promise<Record<string, string> | undefined>;
  /** Server-side dry-run of the files a dry-run check names. */
  dryRun?(check: DryRunCheck): Promise<DryRunOutcome>;
  /**
   * A Prometheus instant query for an in-cluster `serverAddress` (`http://prom.monitoring.svc:9090`), e.g. through
   * the API server's service proxy; undefined when the address is not one it can reach (then it is queried directly).
   */
  prometheusQuery?(serverAddress: string, query: string, timeoutMs: number): Promise<PromQueryResult | undefined>;
}

export interface DryRunOutcome {
  ok: boolean;
  /** One line, e.g. "7 objects: 5 created, 2 unchanged". */
  summary: string;
  details?: unknown;
}

/** What a predictor knows besides the check: who asks, and what this run already sent to the same bucket. */
export interface PredictionContext {
  criterionId: string;
  /** Requests this run already sent to the burst's bucket (they count against the same limit). */
  alreadySent: number;
}

/** The simulator's (or anyone's) prediction of a burst's counts, for comparison in the report. */
export interface BurstPrediction {
  counts: Record<string, number>;
  source?: string;
}

/** How rate-limit buckets are identified and how long their windows are. */
export interface RateLimitWindows {
  /** Request header whose value names the bucket; no header → the shared `anonymous` bucket. @default 'x-user-id' */
  header?: string;
  /**
   * What else separates buckets: `gateway` (one bucket per identity for every URL, like one policy on one route),
   * `origin` (per scheme://host:port as written in the spec) or `route` (per origin and path). @default 'gateway'
   */
  scope?: 'gateway' | 'origin' | 'route';
  /** Per identity (`anonymous`, a header value, or `*`): window length and, if known, the limit. @default {'*': {windowSeconds: 60}} */
  perKey?: Record<string, { windowSeconds: number; limit?: number }>;
}

export interface VerifyOptions {
  /** `--origin FROM=TO`: where the gateway really is, e.g. {'http://localhost:8080': 'http://127.0.0.1:18080'}. Host and SNI stay as written. */
  origins?: Record<string, string>;
  cluster?: LiveCluster;
  /** Namespace for resource checks that name none. @default 'default' */
  namespace?: string;
  /** Server-side dry-run; overrides `cluster.dryRun`. */
  dryRun?: (check: DryRunCheck) => Promise<DryRunOutcome>;
  /** Predicted counts for a burst (e.g. `burstPredictor(manifests)`), reported next to the observed ones. */
  prediction?: (check: BurstCheck, ctx: PredictionContext) => BurstPrediction | undefined;
  rateLimitWindows?: RateLimitWindows;
  /** Clock (TLS expiry, bucket windows). @default () => new Date() */
  now?: () => Date;
  /** Per request. @default 5000 */
  timeoutMs?: number;
  /** Per burst. @default 30000 */
  burstTimeBudgetMs?: number;
  /** Burst concurrency; 1 is a sequential loop like the spec's curl loop. @default 1 */
  burstConcurrency?: number;
  /** Extra trusted CAs (PEM) for TLS verification. */
  ca?: string | string[];
  /** Below this many days to expiry a certificate gets a warning in the explanation. @default 14 */
  expiryWarnDays?: number;
  /**
   * When a check meets a rate-limit bucket an earlier run drained (unexpected 429, or a burst whose first 429 comes
   * early), wait for it once per run — if the wait is at most this many seconds — and retry that check. @default 0 (never)
   */
  waitFresh?: number;
  /** Query Prometheus triggers of ScaledObjects named by resource checks. @default true */
  prometheus?: boolean;
}

export interface CheckResult {
  /** `http`, `json`, `burst`, `tls-handshake`, `tls-chain`, `tls-host`, `tls-expiry`, `resource`, `prometheus`, `dry-run`, `manual`. */
  kind: string;
  verdict: Verdict;
  expected: unknown;
  observed: unknown;
  explanation: string;
  /** The spec command this came from. */
  raw?: string;
}

export interface CriterionResult {
  id: string;
  title: string;
  verdict: Verdict;
  /** One line per check: what was sent where and what came back. */
  evidence: string;
  checks: CheckResult[];
}

export interface VerifyReport {
  criteria: CriterionResult[];
  summary: Record<Verdict, number>;
  /** Order the checks ran in (`SC-002#0`) and why, since rate limits make order matter. */
  order: { check: string; phase: string }[];
}

export type { Criterion };
