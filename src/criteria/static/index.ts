/**
 * Static proof of success criteria: each parsed check is decided against the stack alone —
 * route simulation plus BackendTrafficPolicy (status, backend, rate-limit counts), TLS material,
 * object fields — as `proved`, `violated`, `needs-live` or `manual`, with the evidence.
 *
 * A criterion is `violated` if any check is, else `manual` if any is, else `needs-live` if any
 * is, else `proved`. An HTTP status decided by the configuration is `proved` even though
 * reaching the origin (localhost:8080) needs a port-forward or LoadBalancer: that is stated in the
 * evidence of every URL check rather than turning every criterion into `needs-live`.
 */
import type { Manifest } from '../../model/manifest.js';
import type { Check, Criterion } from '../../spec/checks.js';
import { checkBurst } from './checks/burst.js';
import { checkHttp } from './checks/http.js';
import { checkJson } from './checks/json.js';
import { checkResource } from './checks/resource.js';
import { checkDryRun, checkManual } from './checks/simple.js';
import { checkTls } from './checks/tls.js';
import { buildContext, describeAssumptions, type StaticContext } from './context.js';
import type { StaticCheckResult, StaticCriterionResult, StaticOptions, StaticReport, StaticVerdict } from './types.js';

export { buildContext, describeAssumptions, type StaticContext } from './context.js';
export { formatStaticReport } from './format.js';
export { mapUrl, routeUrl } from './target.js';
export type * from './types.js';

const ORDER: StaticVerdict[] = ['violated', 'manual', 'needs-live', 'proved'];

export function combineVerdicts(vs: readonly StaticVerdict[]): StaticVerdict {
  for (const v of ORDER) if (vs.includes(v)) return v;
  return 'proved';
}

function runCheck(ctx: StaticContext, c: Check): StaticCheckResult[] {
  switch (c.kind) {
    case 'http':
      return [checkHttp(ctx, c)];
    case 'json':
      return [checkJson(ctx, c)];
    case 'burst':
      return [checkBurst(ctx, c)];
    case 'resource':
      return [checkResource(ctx, c)];
    case 'dry-run':
      return [checkDryRun(ctx, c)];
    case 'manual':
      return [checkManual(c)];
  }
}

/** TLS checks for the https origins a criterion's URL checks use, one per origin. */
function tlsChecks(ctx: StaticContext, checks: readonly Check[]): StaticCheckResult[] {
  const seen = new Set<string>();
  const out: StaticCheckResult[] = [];
  for (const c of checks) {
    if (c.kind !== 'http' && c.kind !== 'json' && c.kind !== 'burst') continue;
    let origin: string;
    try {
      const u = new URL(c.url);
      if (u.protocol !== 'https:') continue;
      origin = u.origin;
    } catch {
      continue;
    }
    if (seen.has(origin)) continue;
    seen.add(origin);
    out.push(checkTls(ctx, { url: c.url, insecure: c.insecure, raw: c.raw }));
  }
  return out;
}

export function checkCriterion(ctx: StaticContext, criterion: Criterion): StaticCriterionResult {
  const checks = [...criterion.checks.flatMap((c) => runCheck(ctx, c)), ...tlsChecks(ctx, criterion.checks)];
  const verdict = checks.length ? combineVerdicts(checks.map((c) => c.verdict)) : 'manual';
  const evidence = checks.length
    ? checks.map((c) => `[${c.kind} ${c.verdict}] ${c.explanation}`).join('\n')
    : 'the criterion has no checks: decide it by hand';
  return { id: criterion.id, title: criterion.title, verdict, evidence, checks };
}

/** Evaluates every criterion against the manifests. Pure. */
export function checkCriteria(
  criteria: readonly Criterion[],
  manifests: readonly Manifest[],
  opts: StaticOptions = {},
): StaticReport {
  const ctx = buildContext(manifests, opts);
  const results = criteria.map((c) => checkCriterion(ctx, c));
  const summary: Record<StaticVerdict, number> = { proved: 0, violated: 0, 'needs-live': 0, manual: 0 };
  for (const r of results) summary[r.verdict]++;
  return { criteria: results, summary, assumptions: describeAssumptions(ctx) };
}
