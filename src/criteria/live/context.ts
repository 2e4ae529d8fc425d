import type { TlsInspection } from '../../probe/index.js';
import type { BucketLedger } from './buckets.js';
import type { CheckResult, VerifyOptions } from './types.js';

/** What every check runner gets: options, the run's bucket ledger, and a cache of TLS inspections. */
export interface RunContext {
  opts: VerifyOptions;
  ledger: BucketLedger;
  now(): Date;
  criterionId: string;
  tlsCache: Map<string, Promise<TlsInspection>>;
}

/** A runner's output: check results and one evidence line. */
export interface Outcome {
  results: CheckResult[];
  evidence: string;
}
