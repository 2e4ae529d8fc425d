import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { obj, str } from './data.js';

export interface CertInfo {
  /** dNSName SANs, or the subject CN when there are none. */
  names: string[];
  notBefore: Date;
  notAfter: Date;
}

/** The PEM text of `tls.crt` in a Secret (`data` is base64, `stringData` is plain). */
export function tlsCrtOf(secret: { [k: string]: unknown }): string | undefined {
  const plain = str(obj(secret.stringData)['tls.crt']);
  if (plain) return plain;
  const b64 = str(obj(secret.data)['tls.crt']);
  return b64 === undefined ? undefined : Buffer.from(b64, 'base64').toString('utf8');
}

/** Parses the first certificate of a PEM bundle (the leaf). Returns an error message instead of throwing. */
export function parseLeafCert(pem: string): CertInfo | { error: string } {
  const m = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/);
  if (!m) return { error: 'tls.crt holds no PEM CERTIFICATE block' };
  try {
    const cert = new x509.X509Certificate(m[0]);
    const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
    let names = san ? san.names.items.filter((n) => n.type === 'dns').map((n) => n.value) : [];
    if (names.length === 0) names = cert.subjectName.getField('CN');
    return { names, notBefore: cert.notBefore, notAfter: cert.notAfter };
  } catch (err) {
    return { error: `tls.crt does not parse as an X.509 certificate: ${(err as Error).message}` };
  }
}
