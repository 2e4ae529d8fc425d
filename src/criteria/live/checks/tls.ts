import { type TlsInspection, tlsInspect } from '../../../probe/index.js';
import type { RunContext } from '../context.js';
import { mapOrigin } from '../origin.js';
import type { CheckResult } from '../types.js';

/**
 * TLS findings for an https URL: handshake, chain, host coverage and expiry. With `-k` (insecure)
 * only the handshake is required, as for curl; the rest is still reported.
 */
export async function tlsChecks(ctx: RunContext, url: string, insecure: boolean, raw?: string): Promise<CheckResult[]> {
  const orig = new URL(url);
  if (orig.protocol !== 'https:') return [];
  const target = new URL(mapOrigin(url, ctx.opts.origins).url);
  const name = orig.hostname.replace(/^\[|\]$/g, '');
  const key = `${target.host}|${name}`;
  let pending = ctx.tlsCache.get(key);
  if (!pending) {
    pending = tlsInspect({
      host: target.hostname,
      port: Number(target.port || 443),
      servername: name,
      ca: ctx.opts.ca,
      now: ctx.now(),
      timeoutMs: ctx.opts.timeoutMs ?? 5000,
    });
    ctx.tlsCache.set(key, pending);
  }
  const t = await pending;
  const where = `${orig.host}${target.host !== orig.host ? ` (at ${target.host})` : ''}`;
  if (!t.handshake) {
    return [
      {
        kind: 'tls-handshake',
        verdict: 'failed',
        expected: 'TLS handshake',
        observed: t.error,
        explanation: `no TLS handshake with ${where}: ${t.error?.message}`,
        raw,
      },
    ];
  }
  const k = insecure ? ' (not required: -k)' : '';
  return [
    {
      kind: 'tls-handshake',
      verdict: 'passed',
      expected: 'TLS handshake',
      observed: { protocol: t.protocol, cipher: t.cipher },
      explanation: `${t.protocol} handshake with ${where}`,
      raw,
    },
    {
      kind: 'tls-chain',
      verdict: t.chainVerified ? 'passed' : insecure ? 'skipped' : 'failed',
      expected: insecure ? 'not verified (curl -k)' : 'chain verifies against trusted CAs',
      observed: { verified: t.chainVerified, error: t.chainError, issuer: t.issuer, selfSigned: t.selfSigned },
      explanation: t.chainVerified ? `chain verified (issuer ${t.issuer})` : `chain not verified: ${t.chainError}${k}`,
      raw,
    },
    {
      kind: 'tls-host',
      verdict: t.coversHost ? 'passed' : insecure ? 'skipped' : 'failed',
      expected: `certificate covers ${t.checkedName}`,
      observed: { san: t.san },
      explanation: t.coversHost
        ? `${t.checkedName} is covered by ${t.san.join(', ') || t.subject}`
        : `${t.hostError ?? `${t.checkedName} not covered`}${k}`,
      raw,
    },
    expiryCheck(ctx, t, insecure, raw),
  ];
}

function expiryCheck(ctx: RunContext, t: TlsInspection, insecure: boolean, raw?: string): CheckResult {
  const days = t.daysToExpiry ?? Number.NaN;
  const warnDays = ctx.opts.expiryWarnDays ?? 14;
  const notYet = t.notBefore !== undefined && Date.parse(t.notBefore) > ctx.now().getTime();
  const bad = days < 0 || notYet;
  const what = notYet
    ? `not valid before ${t.notBefore}`
    : days < 0
      ? `expired ${-days} day(s) ago (${t.notAfter})`
      : `expires in ${days} day(s) (${t.notAfter})`;
  return {
    kind: 'tls-expiry',
    verdict: bad ? (insecure ? 'skipped' : 'failed') : 'passed',
    expected: 'valid now',
    observed: { notBefore: t.notBefore, notAfter: t.notAfter, daysToExpiry: t.daysToExpiry },
    explanation: `${what}${bad && insecure ? ' (accepted by -k)' : ''}${!bad && days < warnDays ? ` — warning: fewer than ${warnDays} days left` : ''}`,
    raw,
  };
}

/** `; TLSv1.3, chain not verified, covers localhost, 29 days left` for an evidence line (empty when not https). */
export function tlsEvidence(results: readonly CheckResult[]): string {
  const get = (k: string) => results.find((r) => r.kind === k);
  const hs = get('tls-handshake');
  if (!hs) return '';
  if (hs.verdict === 'failed') return '; TLS handshake failed';
  const chain = (get('tls-chain')?.observed as { verified?: boolean } | undefined)?.verified;
  const host = get('tls-host');
  const days = (get('tls-expiry')?.observed as { daysToExpiry?: number } | undefined)?.daysToExpiry;
  const proto = (hs.observed as { protocol?: string }).protocol ?? 'TLS';
  return `; ${proto}, chain ${chain ? 'verified' : 'not verified'}, ${host?.verdict === 'passed' ? 'host covered' : 'host not covered'}, ${days} days left`;
}
