import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TlsMaterialProvider } from '../../src/render/tls.js';

const dir = fileURLToPath(new URL('../fixtures/tls/', import.meta.url));

/** The committed test certificate (see test/fixtures/tls/README.md): no key generation in tests. */
export const fixedTls: TlsMaterialProvider = async () => ({
  certPem: readFileSync(`${dir}cert.pem`, 'utf8'),
  keyPem: readFileSync(`${dir}key.pem`, 'utf8'),
  notAfter: new Date('2035-12-30T00:00:00Z'),
});

export const FIXED_NOW = new Date('2026-06-01T00:00:00Z');
