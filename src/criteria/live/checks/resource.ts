import type { ResourceCheck } from '../../../spec/checks.js';
import type { Outcome, RunContext } from '../context.js';
import { readScaledObjectTriggers } from '../scaler.js';
import type { CheckResult } from '../types.js';

/** `kubectl get KIND NAME` columns and `-o yaml | grep field` values, read through the injected cluster. */
export async function runResourceCheck(ctx: RunContext, check: ResourceCheck): Promise<Outcome> {
  const { kind, name } = check.resource;
  const ns = check.resource.namespace ?? ctx.opts.namespace ?? 'default';
  const ref = `${kind}/${name} in ${ns}`;
  const expected = check.expect;
  const one = (verdict: CheckResult['verdict'], observed: unknown, explanation: string): Outcome => ({
    results: [{ kind: 'resource', verdict, expected, observed, explanation, raw: check.raw }],
    evidence: `${ref}: ${explanation}`,
  });
  const cluster = ctx.opts.cluster;
  if (!cluster) return one('skipped', null, 'no cluster: give --context (or a kubeconfig) to read it');

  try {
    const obj = await cluster.getObject(kind, name, ns);
    if (!obj) return one('failed', { found: false }, `${ref} not found`);
    const results: CheckResult[] = [];
    const findings: string[] = [];
    if (expected.columns && Object.keys(expected.columns).length) {
      const cols = (await cluster.printerColumns(kind, name, ns)) ?? {};
      const get = (c: string) => Object.entries(cols).find(([k]) => k.toLowerCase() === c.toLowerCase())?.[1];
      const bad = Object.entries(expected.columns).filter(
        ([c, v]) => get(c)?.trim().toLowerCase() !== v.trim().toLowerCase(),
      );
      const shown = Object.keys(expected.columns)
        .map((c) => `${c}=${get(c) ?? '(no such column)'}`)
        .join(' ');
      findings.push(shown);
      results.push({
        kind: 'resource',
        verdict: bad.length ? 'failed' : 'passed',
        expected: { columns: expected.columns },
        observed: { columns: cols },
        explanation: bad.length
          ? `${bad.map(([c, v]) => `${c} is ${get(c) ?? `missing (columns: ${Object.keys(cols).join(', ')})`}, expected ${v}`).join('; ')}${conditionHint(obj)}`
          : shown,
        raw: check.raw,
      });
    }
    for (const f of expected.fields ?? []) {
      const hits = findField(obj, f.field);
      const ok = hits.some((h) => String(h.value) === f.value);
      const shown = hits.length
        ? hits.map((h) => `${h.path}: ${JSON.stringify(h.value)}`).join(', ')
        : `no ${f.field} field`;
      findings.push(shown);
      results.push({
        kind: 'resource',
        verdict: ok ? 'passed' : 'failed',
        expected: { field: f.field, value: f.value },
        observed: { matches: hits },
        explanation: ok ? shown : `${shown}; expected ${f.field}: ${f.value}`,
        raw: check.raw,
      });
    }
    if (kind.toLowerCase() === 'scaledobject' && ctx.opts.prometheus !== false)
      results.push(...(await scalerResults(ctx, obj)));
    if (!results.length) return one('passed', { found: true }, `${ref} exists`);
    return { results, evidence: `${ref}: ${findings.join('; ') || 'exists'}` };
  } catch (err) {
    return one(
      'failed',
      { error: String(err) },
      `could not read ${ref}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

async function scalerResults(ctx: RunContext, obj: Record<string, unknown>): Promise<CheckResult[]> {
  const cluster = ctx.opts.cluster;
  const readings = await readScaledObjectTriggers(obj, {
    origins: ctx.opts.origins,
    timeoutMs: ctx.opts.timeoutMs,
    clusterQuery: cluster?.prometheusQuery?.bind(cluster),
  });
  return readings.map((r) => ({
    kind: 'prometheus',
    verdict: r.error ? 'failed' : 'passed',
    expected: { query: r.query, threshold: r.threshold, serverAddress: r.serverAddress },
    observed: r,
    explanation: r.error
      ? `trigger ${r.trigger} (${r.queriedAt}): ${r.error}`
      : `trigger ${r.trigger}: ${r.query} = ${r.value} now → ${r.desiredReplicas ?? '?'} replica(s) (threshold ${r.threshold}, min ${r.minReplicas}, max ${r.maxReplicas})${r.via === 'cluster' ? ' [through the API server service proxy]' : ''}`,
  }));
}

/** Every occurrence of a key anywhere in the object, like `-o yaml | grep key`. */
export function findField(obj: unknown, key: string, path = ''): { path: string; value: unknown }[] {
  if (obj === null || typeof obj !== 'object') return [];
  const out: { path: string; value: unknown }[] = [];
  for (const [k, v] of Object.entries(obj)) {
    const p = Array.isArray(obj) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
    if (k === key && (v === null || typeof v !== 'object')) out.push({ path: p, value: v });
    out.push(...findField(v, key, p));
  }
  return out;
}

function conditionHint(obj: Record<string, unknown>): string {
  const conds = ((obj.status as Record<string, unknown> | undefined)?.conditions ?? []) as {
    type?: string;
    status?: string;
    message?: string;
  }[];
  const bad = conds.filter((c) => c.status !== 'True' && c.message);
  return bad.length ? ` (${bad.map((c) => `${c.type}=${c.status}: ${c.message}`).join('; ')})` : '';
}
