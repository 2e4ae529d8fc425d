/**
 * TLS check for an https URL: the URL reaches an HTTPS listener that terminates TLS with a
 * certificateRef; the Secret is in the stack with a certificate that covers the URL's host and is
 * valid now. A Secret outside the stack (e.g. issued by cert-manager at runtime) is `needs-live`.
 * With `curl -k` the chain is not verified, so a covering, in-date certificate is `proved`;
 * without it, whether the client trusts the issuer is `needs-live`.
 */
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import type { Manifest } from '../../../model/manifest.js';
import type { StaticContext } from '../context.js';
import { mapUrl } from '../target.js';
import type { StaticCheckResult } from '../types.js';

type Raw = Record<string, unknown>;

export interface TlsInput {
  url: string;
  insecure: boolean;
  raw?: string;
}

function certificateOf(secret: Manifest): X509Certificate | undefined {
  const s = secret as { data?: Record<string, string>; stringData?: Record<string, string> };
  const pem =
    s.stringData?.['tls.crt'] ??
    (s.data?.['tls.crt'] ? Buffer.from(s.data['tls.crt'], 'base64').toString('utf8') : undefined);
  if (!pem) return undefined;
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}

function covers(cert: X509Certificate, host: string): boolean {
  return isIP(host) ? cert.checkIP(host) !== undefined : cert.checkHost(host) !== undefined;
}

function certificateCovers(cert: Manifest, host: string): boolean {
  const spec = ((cert as { spec?: Raw }).spec ?? {}) as Raw;
  const names = [
    ...(Array.isArray(spec.dnsNames) ? spec.dnsNames : []),
    ...(Array.isArray(spec.ipAddresses) ? spec.ipAddresses : []),
  ].map(String);
  if (typeof spec.commonName === 'string') names.push(spec.commonName);
  return names.some(
    (n) =>
      n === host || (n.startsWith('*.') && host.endsWith(n.slice(1)) && !host.slice(0, -n.length + 1).includes('.')),
  );
}

export function checkTls(ctx: StaticContext, c: TlsInput): StaticCheckResult {
  const base = { kind: 'tls', raw: c.raw };
  const m = mapUrl(ctx, c.url);
  const host = (() => {
    try {
      return new URL(c.url).hostname.replace(/^\[|\]$/g, '');
    } catch {
      return '';
    }
  })();
  const expected = { listener: 'HTTPS, tls.mode Terminate', host, verify: !c.insecure };
  if (!m.ok) return { ...base, expected, verdict: m.verdict, predicted: null, explanation: m.reason };
  const l = m.mapped.listener;
  const tls = (l.spec.tls ?? {}) as Raw;
  if (l.protocol !== 'HTTPS')
    return {
      ...base,
      expected,
      verdict: 'violated',
      predicted: { listener: l.name, protocol: l.protocol },
      explanation: `${c.url} reaches listener ${l.name}, which speaks ${l.protocol}, not HTTPS`,
    };
  if (tls.mode === 'Passthrough')
    return {
      ...base,
      expected,
      verdict: 'needs-live',
      predicted: { listener: l.name, mode: 'Passthrough' },
      explanation: `listener ${l.name} passes TLS through; the backend's certificate is only seen live`,
    };
  const ns = l.namespace;
  const refs = (Array.isArray(tls.certificateRefs) ? tls.certificateRefs : []) as Raw[];
  if (refs.length === 0)
    return {
      ...base,
      expected,
      verdict: 'violated',
      predicted: { listener: l.name, certificateRefs: [] },
      explanation: `HTTPS listener ${l.name} has no tls.certificateRefs: the handshake fails`,
    };
  const found: string[] = [];
  for (const r of refs) {
    const key = `${String(r.namespace ?? ns)}/${String(r.name ?? '')}`;
    const assumed = ctx.assumed.get(`Secret ${key}`);
    if (assumed) {
      const certName = assumed.declaredBy?.replace(/^Certificate /, '');
      const cert = certName
        ? ctx.manifests.find(
            (x) => x.kind === 'Certificate' && `${x.metadata.namespace ?? 'default'}/${x.metadata.name}` === certName,
          )
        : undefined;
      if (cert && !certificateCovers(cert, host)) {
        found.push(`Secret ${key} will be issued by ${assumed.declaredBy}, whose names do not cover ${host}`);
        continue;
      }
      const by = assumed.declaredBy
        ? `issued at runtime by ${assumed.declaredBy}${cert ? `, which lists ${host}` : ''}`
        : 'not in the stack';
      return {
        ...base,
        expected,
        verdict: 'needs-live',
        predicted: { listener: l.name, secret: key, inStack: false },
        explanation: `listener ${l.name} (port ${l.port}) terminates TLS with Secret ${key}, ${by}: the served certificate can only be checked live. ${m.mapped.assumption}`,
      };
    }
    const secret = ctx.manifests.find(
      (x) => x.kind === 'Secret' && `${x.metadata.namespace ?? 'default'}/${x.metadata.name}` === key,
    );
    const cert = secret ? certificateOf(secret) : undefined;
    if (!cert) {
      found.push(`Secret ${key} holds no parsable certificate`);
      continue;
    }
    const now = ctx.opts.now ?? new Date();
    const inDate = new Date(cert.validFrom) <= now && now <= new Date(cert.validTo);
    const ok = covers(cert, host);
    const predicted = {
      listener: l.name,
      secret: key,
      subjectAltName: cert.subjectAltName,
      validTo: cert.validTo,
      coversHost: ok,
      inDate,
    };
    const what = `listener ${l.name} (port ${l.port}) terminates TLS with Secret ${key} (SAN ${cert.subjectAltName ?? 'none'}, valid to ${cert.validTo})`;
    if (!ok || !inDate) {
      const why = !ok ? `does not cover ${host}` : `is not valid at ${now.toISOString()}`;
      if (c.insecure)
        return {
          ...base,
          expected,
          verdict: 'proved',
          predicted,
          explanation: `${what}; the certificate ${why}, but curl -k does not verify it. ${m.mapped.assumption}`,
        };
      found.push(`${what}: the certificate ${why}`);
      continue;
    }
    if (c.insecure)
      return {
        ...base,
        expected,
        verdict: 'proved',
        predicted,
        explanation: `${what}: covers ${host} and is in date (curl -k: no chain verification). ${m.mapped.assumption}`,
      };
    const self =
      cert.issuer === cert.subject
        ? 'self-signed: the client must trust it'
        : `issued by ${cert.issuer.replace(/\n/g, ', ')}: the client must trust that issuer`;
    return {
      ...base,
      expected,
      verdict: 'needs-live',
      predicted,
      explanation: `${what}: covers ${host} and is in date; ${self}, which only a live request shows. ${m.mapped.assumption}`,
    };
  }
  return {
    ...base,
    expected,
    verdict: 'violated',
    predicted: { listener: l.name },
    explanation: `${found.join('; ')}. ${m.mapped.assumption}`,
  };
}
