import { isIP } from 'node:net';
import tls from 'node:tls';

export interface TlsInspectOptions {
  host: string;
  port: number;
  /** SNI name and the name the certificate must cover. @default host (unless host is an IP) */
  servername?: string;
  /** Like `curl -k`; only changes `ok`, the certificate is inspected either way. @default false */
  insecure?: boolean;
  /** Extra trusted CA certificates (PEM). */
  ca?: string | string[];
  /** @default 5000 */
  timeoutMs?: number;
  /** Clock for `daysToExpiry`. @default new Date() */
  now?: Date;
}

export interface TlsInspection {
  /** The TLS handshake completed. */
  handshake: boolean;
  /** Handshake or connection error, when `handshake` is false. */
  error?: { code: string; message: string };
  protocol?: string;
  cipher?: string;
  /** The chain verified against the trusted CAs (system + `ca`). */
  chainVerified: boolean;
  /** Why the chain did not verify (e.g. DEPTH_ZERO_SELF_SIGNED_CERT). */
  chainError?: string;
  subject?: string;
  issuer?: string;
  selfSigned?: boolean;
  /** Subject alternative names, e.g. `DNS:localhost`, `IP Address:127.0.0.1`. */
  san: string[];
  /** The name checked against the certificate (servername or host). */
  checkedName: string;
  /** The certificate covers `checkedName` (SAN, RFC 6125 rules as Node applies them). */
  coversHost: boolean;
  hostError?: string;
  notBefore?: string;
  notAfter?: string;
  /** Whole days until `notAfter`, truncated toward zero (negative when expired). */
  daysToExpiry?: number;
  fingerprint256?: string;
  /** Handshake ok, and unless `insecure`: chain verified and host covered. */
  ok: boolean;
}

/** Opens a TLS connection, inspects the server certificate and closes. Failures are returned as data. */
export function tlsInspect(opts: TlsInspectOptions): Promise<TlsInspection> {
  const host = opts.host.replace(/^\[|\]$/g, '');
  const name = opts.servername ?? host;
  const base: TlsInspection = {
    handshake: false,
    chainVerified: false,
    san: [],
    checkedName: name,
    coversHost: false,
    ok: false,
  };
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: TlsInspection) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const socket = tls.connect({
      host,
      port: opts.port,
      servername: isIP(name) ? undefined : name,
      rejectUnauthorized: false,
      ca: opts.ca,
    });
    const timer = setTimeout(
      () =>
        done({
          ...base,
          error: { code: 'probe/timeout', message: `no TLS handshake within ${opts.timeoutMs ?? 5000} ms` },
        }),
      opts.timeoutMs ?? 5000,
    );
    socket.on('error', (err: NodeJS.ErrnoException) =>
      done({ ...base, error: { code: err.code ?? 'probe/tls-error', message: err.message } }),
    );
    socket.on('secureConnect', () => {
      const cert = socket.getPeerCertificate(true);
      const hostErr = cert?.raw ? tls.checkServerIdentity(name, cert) : new Error('no certificate');
      const san = (cert?.subjectaltname ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const now = (opts.now ?? new Date()).getTime();
      const notAfter = cert?.valid_to ? new Date(cert.valid_to) : undefined;
      const chainVerified = socket.authorized;
      const coversHost = !hostErr;
      done({
        handshake: true,
        protocol: socket.getProtocol() ?? undefined,
        cipher: socket.getCipher()?.name,
        chainVerified,
        chainError: chainVerified ? undefined : String(socket.authorizationError ?? 'unverified'),
        subject: dn(cert?.subject),
        issuer: dn(cert?.issuer),
        selfSigned: cert?.issuerCertificate ? cert.issuerCertificate.fingerprint256 === cert.fingerprint256 : undefined,
        san,
        checkedName: name,
        coversHost,
        hostError: hostErr?.message,
        notBefore: cert?.valid_from ? new Date(cert.valid_from).toISOString() : undefined,
        notAfter: notAfter?.toISOString(),
        daysToExpiry: notAfter ? Math.trunc((notAfter.getTime() - now) / 86_400_000) : undefined,
        fingerprint256: cert?.fingerprint256,
        ok: opts.insecure ? true : chainVerified && coversHost,
      });
    });
  });
}

function dn(o: tls.Certificate | undefined): string | undefined {
  if (!o) return undefined;
  return Object.entries(o)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
}
