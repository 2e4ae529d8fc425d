/**
 * JSON body check (`curl … | jq .version` → "v1"): the body is only seen live, but where the
 * request goes is known. Heuristic: when the expected value looks like a version (`v1`, `v2.3`)
 * or the field is called version, a backend whose name carries that value as a `-`-separated
 * segment (task-api-v1 for "v1") is the one expected to answer; reaching no such backend is
 * `violated`, reaching it is `needs-live` (the body still has to say so).
 */
import type { JsonCheck } from '../../../spec/checks.js';
import type { StaticContext } from '../context.js';
import { describeRoute, mapUrl, routeUrl } from '../target.js';
import type { StaticCheckResult } from '../types.js';
import { REACHABILITY_NOTE, reachedBackends, statusReason } from './http.js';

const VERSION = /^v\d+(\.\d+)*$/i;

function segments(serviceKey: string): string[] {
  const name = serviceKey.split('/').pop() ?? '';
  return name.toLowerCase().split(/[-_.]/);
}

export function checkJson(ctx: StaticContext, c: JsonCheck): StaticCheckResult {
  const base = { kind: 'json', expected: { field: c.field, value: c.expect.value }, raw: c.raw };
  const m = mapUrl(ctx, c.url);
  if (!m.ok) return { ...base, verdict: m.verdict, predicted: null, explanation: m.reason };
  const r = routeUrl(ctx, m.mapped, c.method, c.headers);
  const line = describeRoute(r);
  const backends = reachedBackends(r);
  const predicted = { status: r.status, backends };
  const notes = `${m.mapped.assumption}; ${REACHABILITY_NOTE(m.mapped.url.origin)}`;
  if (r.status !== 200 || backends.length === 0)
    return {
      ...base,
      verdict: 'violated',
      predicted,
      explanation: `${line}: no backend answers, so there is no JSON body with ${c.field} (${statusReason(r)}). ${notes}`,
    };
  const value = typeof c.expect.value === 'string' ? c.expect.value.toLowerCase() : undefined;
  const versionLike = value !== undefined && (VERSION.test(value) || /version/i.test(c.field));
  if (versionLike) {
    const carrying = backends.filter((b) => segments(b).includes(value));
    if (carrying.length === 0)
      return {
        ...base,
        verdict: 'violated',
        predicted,
        explanation: `${line}: ${c.field} == ${JSON.stringify(c.expect.value)} is expected from a backend named for ${JSON.stringify(c.expect.value)} (e.g. *-${value}), but the request reaches only ${backends.join(', ')}. ${notes}`,
      };
    const share = carrying.length < backends.length ? ` (only part of the traffic: ${backends.join(', ')})` : '';
    return {
      ...base,
      verdict: 'needs-live',
      predicted,
      explanation: `${line}: reaches ${carrying.join(', ')}, whose name carries ${JSON.stringify(c.expect.value)}${share}; the body's ${c.field} can only be read live. ${notes}`,
    };
  }
  return {
    ...base,
    verdict: 'needs-live',
    predicted,
    explanation: `${line}; the body's ${c.field} can only be read live. ${notes}`,
  };
}
