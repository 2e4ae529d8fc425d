import 'reflect-metadata';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { PathSegment } from '../../../model/diagnostic.js';
import type { Manifest } from '../../../model/manifest.js';
import type { Finding } from '../../schema/findings.js';
import type { BuiltinOptions } from '../kind.js';

const DAY_MS = 86_400_000;
/** Warn when a certificate expires within this many days. */
export const EXPIRY_WARNING_DAYS = 30;

type Source = { field: 'data' | 'stringData'; text: string } | undefined;

/** The decoded value of a key from `stringData` (plain) or `data` (base64). */
function secretValue(secret: Manifest, key: string): Source {
  const plain = (secret.stringData as Record<string, unknown> | undefined)?.[key];
  if (typeof plain === 'string') return { field: 'stringData', text: plain };
  const b64 = (secret.data as Record<string, unknown> | undefined)?.[key];
  if (typeof b64 === 'string') return { field: 'data', text: Buffer.from(b64, 'base64').toString('utf8') };
  return undefined;
}

function f(code: string, severity: Finding['severity'], path: PathSegment[], message: string, hint: string): Finding {
  const p = path
    .map((s) => (typeof s === 'number' ? `[${s}]` : s.includes('.') ? `[${JSON.stringify(s)}]` : `.${s}`))
    .join('')
    .replace(/^\./, '');
  return { code, severity, path, message: `${p}: ${message}`, hint };
}

function firstPem(text: string, label: RegExp): string | undefined {
  const m = new RegExp(`-----BEGIN (${label.source})-----[\\s\\S]*?-----END \\1-----`).exec(text);
  return m?.[0];
}

/**
 * `kubernetes.io/tls` Secrets: `tls.crt` and `tls.key` present, the certificate parses, is
 * within its validity period (warning when it expires soon), and matches the private key.
 * Messages never include key material.
 */
export function tlsSecretFindings(secret: Manifest, opts: BuiltinOptions = {}): Finding[] {
  const out: Finding[] = [];
  const crt = secretValue(secret, 'tls.crt');
  const key = secretValue(secret, 'tls.key');
  if (!crt)
    out.push(
      f(
        'schema/required',
        'error',
        ['data', 'tls.crt'],
        'Required value',
        'a kubernetes.io/tls Secret needs data["tls.crt"] (PEM, base64-encoded)',
      ),
    );
  if (!key)
    out.push(
      f(
        'schema/required',
        'error',
        ['data', 'tls.key'],
        'Required value',
        'a kubernetes.io/tls Secret needs data["tls.key"] (PEM, base64-encoded)',
      ),
    );
  if (!crt) return out;
  const crtPath = [crt.field, 'tls.crt'];
  const pem = firstPem(crt.text, /CERTIFICATE/);
  let cert: x509.X509Certificate;
  try {
    if (!pem) throw new Error('no PEM CERTIFICATE block');
    cert = new x509.X509Certificate(pem);
  } catch (err) {
    out.push(
      f(
        'secret/tls-cert-invalid',
        'error',
        crtPath,
        `Invalid value: the certificate does not parse (${(err as Error).message.split('\n')[0]})`,
        'put a PEM certificate (leaf first) in tls.crt; with `data`, base64-encode the whole PEM text',
      ),
    );
    return out;
  }
  const now = opts.now ?? new Date();
  const daysLeft = Math.floor((cert.notAfter.getTime() - now.getTime()) / DAY_MS);
  if (cert.notAfter.getTime() <= now.getTime()) {
    out.push(
      f(
        'secret/tls-cert-expired',
        'error',
        crtPath,
        `Invalid value: the certificate (${cert.subject}) expired on ${cert.notAfter.toISOString()}`,
        'renew the certificate (cert-manager renews automatically)',
      ),
    );
  } else if (cert.notBefore.getTime() > now.getTime()) {
    out.push(
      f(
        'secret/tls-cert-not-yet-valid',
        'warning',
        crtPath,
        `the certificate (${cert.subject}) is not valid before ${cert.notBefore.toISOString()}`,
        'check the clock of the issuer',
      ),
    );
  } else if (daysLeft < EXPIRY_WARNING_DAYS) {
    out.push(
      f(
        'secret/tls-cert-expiring',
        'warning',
        crtPath,
        `the certificate (${cert.subject}) expires in ${daysLeft} day(s), on ${cert.notAfter.toISOString()}`,
        'renew it soon',
      ),
    );
  }
  if (!key) return out;
  const keyPath = [key.field, 'tls.key'];
  const keyPem = firstPem(key.text, /(?:RSA |EC |ENCRYPTED )?PRIVATE KEY/);
  let spki: Buffer;
  try {
    if (!keyPem) throw new Error('no PEM PRIVATE KEY block');
    if (keyPem.includes('ENCRYPTED')) throw new Error('the key is encrypted; Kubernetes needs an unencrypted key');
    spki = createPublicKey(createPrivateKey(keyPem)).export({ type: 'spki', format: 'der' }) as Buffer;
  } catch (err) {
    const reason =
      (err as Error).message.startsWith('the key') || (err as Error).message.startsWith('no PEM')
        ? (err as Error).message
        : 'unsupported or malformed key';
    out.push(
      f(
        'secret/tls-key-invalid',
        'error',
        keyPath,
        `Invalid value: the private key does not parse (${reason})`,
        'put the unencrypted PEM private key of the certificate in tls.key',
      ),
    );
    return out;
  }
  if (Buffer.compare(spki, Buffer.from(cert.publicKey.rawData)) !== 0) {
    out.push(
      f(
        'secret/tls-key-mismatch',
        'error',
        keyPath,
        `Invalid value: the private key does not match the public key of the certificate (${cert.subject})`,
        'tls.key must be the key the certificate was issued for',
      ),
    );
  }
  return out;
}
