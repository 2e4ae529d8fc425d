import type { JsonCheck } from '../../../spec/checks.js';
import type { Outcome, RunContext } from '../context.js';
import { evalJqPath, jqValueMatches } from '../json-path.js';
import { snippet } from './http.js';
import { describeTarget, rateLimited, sendFresh, unreachable, waitedNote } from './request.js';
import { tlsChecks, tlsEvidence } from './tls.js';

/** `curl URL | jq .field` → expected value. */
export async function runJsonCheck(ctx: RunContext, check: JsonCheck): Promise<Outcome> {
  const sent = await sendFresh(ctx, check, undefined);
  const tls = await tlsChecks(ctx, check.url, check.insecure, check.raw);
  const where = describeTarget(check.method, sent.target);
  const expected = { field: check.field, value: check.expect.value };
  if (!sent.response)
    return { results: [unreachable('json', expected, sent, check.raw), ...tls], evidence: `${where} → no answer` };
  const { status, body } = sent.response;
  if (status === 429) {
    return { results: [rateLimited(ctx, 'json', expected, sent, check.raw), ...tls], evidence: `${where} → 429` };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    const r = { kind: 'json', verdict: 'failed' as const, expected, observed: { status }, raw: check.raw };
    return {
      results: [{ ...r, explanation: `HTTP ${status}, body is not JSON${snippet(body)}` }, ...tls],
      evidence: `${where} → ${status}, not JSON`,
    };
  }
  const got = evalJqPath(doc, check.field);
  const value = got.ok ? got.value : undefined;
  const ok = got.ok && jqValueMatches(value, check.expect.value);
  const shown = got.ok ? JSON.stringify(value) : got.error;
  return {
    results: [
      {
        kind: 'json',
        verdict: ok ? 'passed' : 'failed',
        expected,
        observed: got.ok ? { status, value } : { status, error: got.error },
        explanation:
          (ok
            ? `${check.field} = ${shown}`
            : `${check.field} = ${shown}, expected ${JSON.stringify(check.expect.value)}${status >= 400 ? ` (HTTP ${status})` : ''}`) +
          waitedNote(sent.waited),
        raw: check.raw,
      },
      ...tls,
    ],
    evidence: `${where} → ${status}, ${check.field} = ${shown}${tlsEvidence(tls)}`,
  };
}
