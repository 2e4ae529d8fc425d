import type { Check, Criterion } from '../../spec/checks.js';
import { BucketLedger } from './buckets.js';
import { runBurstCheck } from './checks/burst.js';
import { runDryRunCheck } from './checks/dry-run.js';
import { runHttpCheck } from './checks/http.js';
import { runJsonCheck } from './checks/json.js';
import { runManualCheck } from './checks/manual.js';
import { runResourceCheck } from './checks/resource.js';
import type { Outcome, RunContext } from './context.js';
import type { CheckResult, CriterionResult, Verdict, VerifyOptions, VerifyReport } from './types.js';

interface Planned {
  criterion: number;
  check: number;
  phase: string;
}

/**
 * Runs every check of every criterion against the live system and judges it.
 *
 * Order matters because rate limits are stateful: checks that send no request run first; then
 * bursts whose bucket no single-request check uses (so they start on a fresh bucket); then the
 * single-request checks (in spec order); then the bursts that share a bucket with them, with their
 * expectation adjusted for the tokens those requests took. Results come back in spec order.
 */
export async function verifyCriteria(criteria: readonly Criterion[], opts: VerifyOptions = {}): Promise<VerifyReport> {
  const ledger = new BucketLedger(opts.rateLimitWindows);
  const plan = planOrder(criteria, ledger);
  const outcomes = new Map<string, Outcome>();
  const tlsCache: RunContext['tlsCache'] = new Map();
  const freshWait: RunContext['freshWait'] = {};
  for (const p of plan) {
    const c = criteria[p.criterion];
    const ctx: RunContext = {
      opts,
      ledger,
      now: opts.now ?? (() => new Date()),
      criterionId: c.id,
      tlsCache,
      freshWait,
    };
    outcomes.set(`${p.criterion}/${p.check}`, await runCheck(ctx, c.checks[p.check]));
  }
  const results: CriterionResult[] = criteria.map((c, i) => {
    const outs = c.checks.map((_, j) => outcomes.get(`${i}/${j}`)!);
    const checks = outs.flatMap((o) => o.results);
    return {
      id: c.id,
      title: c.title,
      verdict: judge(checks),
      evidence: outs.length ? outs.map((o) => o.evidence).join('; ') : 'no checks: nothing to run',
      checks,
    };
  });
  const summary: Record<Verdict, number> = { passed: 0, failed: 0, skipped: 0 };
  for (const r of results) summary[r.verdict]++;
  return {
    criteria: results,
    summary,
    order: plan.map((p) => ({ check: `${criteria[p.criterion].id}#${p.check}`, phase: p.phase })),
  };
}

/** failed if any check failed; passed if some passed and none failed; else skipped. */
export function judge(checks: readonly CheckResult[]): Verdict {
  if (checks.some((c) => c.verdict === 'failed')) return 'failed';
  return checks.some((c) => c.verdict === 'passed') ? 'passed' : 'skipped';
}

function planOrder(criteria: readonly Criterion[], ledger: BucketLedger): Planned[] {
  const all = criteria.flatMap((c, i) => c.checks.map((check, j) => ({ criterion: i, check: j, it: check })));
  const isRequest = (k: Check) => k.kind === 'http' || k.kind === 'json';
  const bucket = (k: Check) => ('url' in k ? ledger.bucketOf(k.url, k.headers).bucket : '');
  const requestBuckets = new Set(all.filter((a) => isRequest(a.it)).map((a) => bucket(a.it)));
  const phase = (k: Check): [number, string] => {
    if (k.kind === 'burst') {
      return requestBuckets.has(bucket(k))
        ? [3, 'burst after single requests on the same bucket (expectation adjusted)']
        : [1, 'burst on its own bucket'];
    }
    if (isRequest(k)) return [2, 'single request'];
    return [0, 'no traffic'];
  };
  return all
    .map((a) => ({ ...a, ph: phase(a.it) }))
    .sort((a, b) => a.ph[0] - b.ph[0] || a.criterion - b.criterion || a.check - b.check)
    .map((a) => ({ criterion: a.criterion, check: a.check, phase: a.ph[1] }));
}

async function runCheck(ctx: RunContext, check: Check): Promise<Outcome> {
  switch (check.kind) {
    case 'http':
      return runHttpCheck(ctx, check);
    case 'json':
      return runJsonCheck(ctx, check);
    case 'burst':
      return runBurstCheck(ctx, check);
    case 'resource':
      return runResourceCheck(ctx, check);
    case 'dry-run':
      return runDryRunCheck(ctx, check);
    case 'manual':
      return runManualCheck(check);
  }
}
