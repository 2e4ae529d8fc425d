import type { DryRunCheck } from '../../../spec/checks.js';
import type { Outcome, RunContext } from '../context.js';

/** `kubectl apply --dry-run=server -f …`, through the caller's dry-run function or the cluster's. */
export async function runDryRunCheck(ctx: RunContext, check: DryRunCheck): Promise<Outcome> {
  const fn = ctx.opts.dryRun ?? ctx.opts.cluster?.dryRun?.bind(ctx.opts.cluster);
  const expected = { mode: check.mode, files: check.files, accepted: true };
  if (!fn) {
    return {
      results: [
        {
          kind: 'dry-run',
          verdict: 'skipped',
          expected,
          observed: null,
          explanation: 'no cluster to dry-run against (give --context, or run `traffic-engineer dry-run FILES…`)',
          raw: check.raw,
        },
      ],
      evidence: 'dry-run: no cluster',
    };
  }
  try {
    const out = await fn(check);
    return {
      results: [
        {
          kind: 'dry-run',
          verdict: out.ok ? 'passed' : 'failed',
          expected,
          observed: { ok: out.ok, summary: out.summary, details: out.details },
          explanation: out.summary,
          raw: check.raw,
        },
      ],
      evidence: `dry-run (${check.mode}): ${out.summary}`,
    };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return {
      results: [
        {
          kind: 'dry-run',
          verdict: 'failed',
          expected,
          observed: { error: msg },
          explanation: `dry-run failed: ${msg}`,
          raw: check.raw,
        },
      ],
      evidence: `dry-run: ${msg}`,
    };
  }
}
