import type { HttpCheck } from '../../../spec/checks.js';
import type { Outcome, RunContext } from '../context.js';
import { describeTarget, rateLimited, sendFresh, unreachable, waitedNote } from './request.js';
import { tlsChecks, tlsEvidence } from './tls.js';

/** `curl URL` → expected status; https URLs also get their TLS findings. */
export async function runHttpCheck(ctx: RunContext, check: HttpCheck): Promise<Outcome> {
  const sent = await sendFresh(ctx, check, check.expect.status);
  const tls = await tlsChecks(ctx, check.url, check.insecure, check.raw);
  const where = describeTarget(check.method, sent.target);
  const expected = { status: check.expect.status };
  if (!sent.response)
    return { results: [unreachable('http', expected, sent, check.raw), ...tls], evidence: `${where} → no answer` };
  const { status, timing } = sent.response;
  const evidence = `${where} → ${status} in ${Math.round(timing.totalMs)} ms${tlsEvidence(tls)}`;
  if (status === 429 && check.expect.status !== 429) {
    return { results: [rateLimited(ctx, 'http', expected, sent, check.raw), ...tls], evidence };
  }
  const ok = status === check.expect.status;
  return {
    results: [
      {
        kind: 'http',
        verdict: ok ? 'passed' : 'failed',
        expected,
        observed: { status },
        explanation:
          (ok
            ? `${status} as expected`
            : `got ${status}, expected ${check.expect.status}${snippet(sent.response.body)}`) + waitedNote(sent.waited),
        raw: check.raw,
      },
      ...tls,
    ],
    evidence,
  };
}

export function snippet(body: string): string {
  const s = body.replace(/\s+/g, ' ').trim();
  return s ? ` (body: ${s.length > 120 ? `${s.slice(0, 120)}…` : s})` : '';
}
