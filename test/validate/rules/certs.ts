import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

/** A self-signed ECDSA certificate as PEM, for Secret fixtures. */
export async function makeCert(opts: { cn: string; dns: string[]; notBefore: Date; notAfter: Date }): Promise<string> {
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `CN=${opts.cn}`,
    notBefore: opts.notBefore,
    notAfter: opts.notAfter,
    keys: keys as unknown as x509.X509CertificateCreateSelfSignedParams['keys'],
    signingAlgorithm: alg,
    extensions: opts.dns.length
      ? [new x509.SubjectAlternativeNameExtension(opts.dns.map((value) => ({ type: 'dns' as const, value })))]
      : [],
  });
  return cert.toString('pem');
}

/** A kubernetes.io/tls Secret document (data base64) holding `pem`. */
export function tlsSecret(ns: string, name: string, pem: string, type = 'kubernetes.io/tls'): string {
  const b64 = Buffer.from(pem).toString('base64');
  return `---\napiVersion: v1\nkind: Secret\nmetadata: {name: ${name}, namespace: ${ns}}\ntype: ${type}\ndata:\n  tls.crt: ${b64}\n  tls.key: ${Buffer.from('key').toString('base64')}\n`;
}
