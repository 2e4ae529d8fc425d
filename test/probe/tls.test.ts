import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRequest, tlsInspect } from '../../src/probe/index.js';
import { type SelfSigned, selfSignedCert } from '../fixtures/live/self-signed.js';

let cert: SelfSigned;
let srv: https.Server;
let port: number;
beforeAll(async () => {
  cert = await selfSignedCert({ dns: ['localhost'], ips: ['127.0.0.1'], days: 30 });
  srv = https.createServer({ cert: cert.certPem, key: cert.keyPem }, (_req, res) => res.end('{"ok":true}'));
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  port = (srv.address() as { port: number }).port;
});
afterAll(() => srv.close());

describe('tlsInspect', () => {
  it('reports an unverified self-signed chain, SANs and expiry', async () => {
    const t = await tlsInspect({ host: '127.0.0.1', port, servername: 'localhost' });
    expect(t.handshake).toBe(true);
    expect(t.chainVerified).toBe(false);
    expect(t.chainError).toMatch(/SELF_SIGNED/);
    expect(t.san).toEqual(['DNS:localhost', 'IP Address:127.0.0.1']);
    expect(t.coversHost).toBe(true);
    expect(t.daysToExpiry).toBeGreaterThanOrEqual(29);
    expect(t.daysToExpiry).toBeLessThanOrEqual(30);
    expect(t.selfSigned).toBe(true);
    expect(t.ok).toBe(false);
  });

  it('is ok with -k semantics, and verified when the CA is trusted', async () => {
    expect((await tlsInspect({ host: '127.0.0.1', port, servername: 'localhost', insecure: true })).ok).toBe(true);
    const trusted = await tlsInspect({ host: '127.0.0.1', port, servername: 'localhost', ca: cert.certPem });
    expect(trusted.chainVerified).toBe(true);
    expect(trusted.ok).toBe(true);
  });

  it('says when the certificate does not cover the name', async () => {
    const t = await tlsInspect({ host: '127.0.0.1', port, servername: 'api.example.com', ca: cert.certPem });
    expect(t.coversHost).toBe(false);
    expect(t.hostError).toMatch(/api\.example\.com/);
    expect(t.ok).toBe(false);
  });

  it('computes days to expiry against the given clock', async () => {
    const later = new Date(cert.notAfter.getTime() + 3 * 86_400_000);
    const t = await tlsInspect({ host: '127.0.0.1', port, insecure: true, now: later });
    expect(t.daysToExpiry).toBe(-3);
  });

  it('returns a failed handshake as data', async () => {
    const plain = (await import('node:http')).createServer((_q, r) => r.end());
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
    const p = (plain.address() as { port: number }).port;
    const t = await tlsInspect({ host: '127.0.0.1', port: p, timeoutMs: 2000 });
    plain.closeAllConnections();
    plain.close();
    expect(t.handshake).toBe(false);
    expect(t.error?.message).toBeTruthy();
  });
});

describe('httpRequest over TLS', () => {
  it('fails verification without -k and succeeds with it (SNI from servername)', async () => {
    const url = `https://127.0.0.1:${port}/`;
    await expect(httpRequest({ url, servername: 'localhost' })).rejects.toMatchObject({ name: 'ProbeError' });
    const res = await httpRequest({ url, servername: 'localhost', insecure: true });
    expect(res.status).toBe(200);
    const verified = await httpRequest({ url: `https://localhost:${port}/`, ca: cert.certPem });
    expect(verified.status).toBe(200);
  });
});
