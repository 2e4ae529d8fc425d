import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseManifestStream } from '../../../src/model/load-yaml.js';
import { validateBuiltin } from '../../../src/validate/builtin/index.js';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
type KeyPair = webcrypto.CryptoKeyPair;
const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const NOW = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;

async function keyPair() {
  return (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as KeyPair;
}

async function certPem(keys: KeyPair, notBefore: Date, notAfter: Date): Promise<string> {
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=api.example.com',
    notBefore,
    notAfter,
    keys: keys as unknown as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'],
    signingAlgorithm: alg,
  });
  return cert.toString('pem');
}

async function keyPem(keys: KeyPair): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const b64 = der
    .toString('base64')
    .match(/.{1,64}/g)
    ?.join('\n');
  return `-----BEGIN PRIVATE KEY-----\n${b64}\n-----END PRIVATE KEY-----\n`;
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

function secret(data: Record<string, string>) {
  const entries = Object.entries(data)
    .map(([k, v]) => `  ${k}: ${v}`)
    .join('\n');
  const text = `apiVersion: v1\nkind: Secret\nmetadata: {name: api-tls, namespace: infra}\ntype: kubernetes.io/tls\ndata:\n${entries}\n`;
  const { docs } = parseManifestStream(text, 'tls.yaml');
  return validateBuiltin(docs[0], { now: NOW }) ?? [];
}

let good: { crt: string; key: string };
let otherKey: string;
let expiredCrt: string;
let soonCrt: string;

beforeAll(async () => {
  const keys = await keyPair();
  const key = await keyPem(keys);
  good = { crt: await certPem(keys, new Date(NOW.getTime() - DAY), new Date(NOW.getTime() + 365 * DAY)), key };
  expiredCrt = await certPem(keys, new Date(NOW.getTime() - 90 * DAY), new Date(NOW.getTime() - DAY));
  soonCrt = await certPem(keys, new Date(NOW.getTime() - 80 * DAY), new Date(NOW.getTime() + 10 * DAY + 3600_000));
  otherKey = await keyPem(await keyPair());
});

describe('kubernetes.io/tls Secrets', () => {
  it('accepts a valid certificate with its key', () => {
    expect(secret({ 'tls.crt': b64(good.crt), 'tls.key': b64(good.key) })).toEqual([]);
  });

  it('requires tls.crt and tls.key', () => {
    const ds = secret({ other: b64('x') });
    expect(ds.map((d) => [d.code, d.path])).toEqual([
      ['schema/required', 'data["tls.crt"]'],
      ['schema/required', 'data["tls.key"]'],
    ]);
  });

  it('reports a certificate that does not parse', () => {
    const [d] = secret({
      'tls.crt': b64('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'),
      'tls.key': b64(good.key),
    });
    expect(d).toMatchObject({ code: 'secret/tls-cert-invalid', severity: 'error', path: 'data["tls.crt"]' });
    const [e] = secret({ 'tls.crt': b64('hello'), 'tls.key': b64(good.key) });
    expect(e.message).toContain('no PEM CERTIFICATE block');
  });

  it('reports expired and soon-expiring certificates with dates', () => {
    const [d] = secret({ 'tls.crt': b64(expiredCrt), 'tls.key': b64(good.key) });
    expect(d).toMatchObject({ code: 'secret/tls-cert-expired', severity: 'error' });
    expect(d.message).toContain('expired on 2026-05-31');
    const [w] = secret({ 'tls.crt': b64(soonCrt), 'tls.key': b64(good.key) });
    expect(w).toMatchObject({ code: 'secret/tls-cert-expiring', severity: 'warning' });
    expect(w.message).toContain('expires in 10 day(s)');
  });

  it('reports a key that does not match the certificate, without echoing key material', () => {
    const [d] = secret({ 'tls.crt': b64(good.crt), 'tls.key': b64(otherKey) });
    expect(d).toMatchObject({ code: 'secret/tls-key-mismatch', severity: 'error', path: 'data["tls.key"]' });
    const [e] = secret({
      'tls.crt': b64(good.crt),
      'tls.key': b64('-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----\n'),
    });
    expect(e).toMatchObject({ code: 'secret/tls-key-invalid' });
    for (const x of [d, e]) {
      expect(x.message).not.toContain('BEGIN');
      expect(x.message).not.toContain(otherKey.split('\n')[1].slice(0, 20));
      expect(x.hint ?? '').not.toContain('QUJD');
    }
  });
});
