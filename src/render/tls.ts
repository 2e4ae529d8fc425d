import { webcrypto } from 'node:crypto';

export interface TlsMaterialRequest {
  commonName: string;
  dnsNames: string[];
  ipAddresses: string[];
  validityDays: number;
  now: Date;
}

export interface TlsMaterial {
  certPem: string;
  keyPem: string;
  notAfter: Date;
}

/** Supplies the certificate and key of a self-signed TLS Secret (tests inject a fixed one). */
export type TlsMaterialProvider = (req: TlsMaterialRequest) => Promise<TlsMaterial>;

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.match(/.{1,64}/g)?.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * A fresh self-signed server certificate (ECDSA P-256, SHA-256) made in-process with @peculiar/x509:
 * SANs for every DNS name and IP address asked for, serverAuth, valid from now for `validityDays`.
 */
export const selfSignedCertificate: TlsMaterialProvider = async (req) => {
  await import('reflect-metadata'); // @peculiar/x509 (tsyringe) needs the Reflect metadata polyfill
  const x509 = await import('@peculiar/x509');
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const notBefore = new Date(req.now.getTime() - 60_000);
  const notAfter = new Date(req.now.getTime() + req.validityDays * 86_400_000);
  const serial = Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)));
  serial[0] &= 0x7f;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial.toString('hex'),
    name: `CN=${req.commonName.replace(/[,+="\\<>;#]/g, '')}`,
    notBefore,
    notAfter,
    signingAlgorithm: alg,
    keys: keys as never,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...req.dnsNames.map((value) => ({ type: 'dns' as const, value })),
        ...req.ipAddresses.map((value) => ({ type: 'ip' as const, value })),
      ]),
    ],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { certPem: cert.toString('pem') + '\n', keyPem: pem('PRIVATE KEY', pkcs8), notAfter };
};
