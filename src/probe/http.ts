import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { ProbeError, probeErrorFrom } from './errors.js';

/** One HTTP(S) request. Everything is bounded: a total deadline and a cap on the body kept. */
export interface HttpRequestOptions {
  /** @default 'GET' */
  method?: string;
  /** Absolute `http:` or `https:` URL; the request goes exactly where it says. */
  url: string;
  headers?: Record<string, string>;
  /** Like `curl -k`: do not verify the server certificate. @default false */
  insecure?: boolean;
  /** Total deadline for connect + response + body. @default 5000 */
  timeoutMs?: number;
  /** Reuse connections (keep-alive). Without it a fresh connection is made and closed. */
  agent?: http.Agent;
  /** TLS SNI name, when it differs from the URL host (e.g. the URL was re-pointed with `--origin`). */
  servername?: string;
  /** Extra trusted CA certificates (PEM) for verifying the server. */
  ca?: string | string[];
  /** Body bytes kept; the rest is read and dropped. @default 65536 */
  maxBodyBytes?: number;
  /** Request body (sent as is). */
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** Lower-case header names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  body: string;
  /** True when the body was longer than `maxBodyBytes`. */
  bodyTruncated: boolean;
  bodyBytes: number;
  timing: { startedAt: number; headersMs: number; totalMs: number };
  /** True when the request went over a reused keep-alive connection. */
  reusedSocket: boolean;
}

/** Sends one request and reads the response (body capped). Throws `ProbeError` on network failure or timeout. */
export function httpRequest(opts: HttpRequestOptions): Promise<HttpResponse> {
  const url = new URL(opts.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return Promise.reject(
      new ProbeError('probe/unsupported-url', `unsupported URL scheme ${url.protocol} in ${opts.url}`),
    );
  }
  const isHttps = url.protocol === 'https:';
  const timeoutMs = opts.timeoutMs ?? 5000;
  const maxBody = opts.maxBodyBytes ?? 65536;
  const startedAt = Date.now();
  const t0 = performance.now();
  const servername = opts.servername ?? (isIP(url.hostname.replace(/^\[|\]$/g, '')) ? undefined : url.hostname);

  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const reqOpts: https.RequestOptions = {
      method: opts.method ?? 'GET',
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port || (isHttps ? 443 : 80),
      path: url.pathname + url.search,
      headers: opts.headers,
      agent: opts.agent ?? false,
    };
    if (isHttps) {
      reqOpts.rejectUnauthorized = !opts.insecure;
      if (servername) reqOpts.servername = servername;
      if (opts.ca) reqOpts.ca = opts.ca;
    }
    const req = (isHttps ? https : http).request(reqOpts, (res) => {
      const headersMs = performance.now() - t0;
      const chunks: Buffer[] = [];
      let kept = 0;
      let total = 0;
      res.on('data', (c: Buffer) => {
        total += c.length;
        if (kept < maxBody) {
          const part = c.subarray(0, maxBody - kept);
          chunks.push(part);
          kept += part.length;
        }
      });
      res.on('error', (err) => finish(() => reject(probeErrorFrom(err, `${reqOpts.method} ${opts.url}`))));
      res.on('end', () =>
        finish(() =>
          resolve({
            status: res.statusCode ?? 0,
            headers: flattenHeaders(res.headers),
            body: Buffer.concat(chunks).toString('utf8'),
            bodyTruncated: total > kept,
            bodyBytes: total,
            timing: { startedAt, headersMs, totalMs: performance.now() - t0 },
            reusedSocket: req.reusedSocket,
          }),
        ),
      );
    });
    const timer = setTimeout(() => {
      finish(() =>
        reject(
          new ProbeError('probe/timeout', `${reqOpts.method} ${opts.url}: no complete answer within ${timeoutMs} ms`),
        ),
      );
      req.destroy();
    }, timeoutMs);
    req.on('error', (err) => finish(() => reject(probeErrorFrom(err, `${reqOpts.method} ${opts.url}`))));
    req.end(opts.body);
  });
}

function flattenHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
