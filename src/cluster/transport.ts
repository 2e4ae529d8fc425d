import * as http from 'node:http';
import * as https from 'node:https';
import { ClusterError, networkError } from './errors.js';

/** One HTTP response from the API server; the body is parsed JSON when the server sent JSON. */
export interface RestResponse {
  status: number;
  body: unknown;
  text: string;
  contentType: string;
}

export interface RestRequest {
  query?: Record<string, string | number | boolean | undefined>;
  body?: string;
  contentType?: string;
  timeoutMs?: number;
}

/** Prepares TLS material and auth headers for a request (KubeConfig.applyToHTTPSOptions). */
export type OptionsApplier = (opts: https.RequestOptions) => Promise<void>;

/** Most bytes we read from one response. A CRD list of a full EG+KEDA+cert-manager install is ~10 MB. */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/**
 * Sends one request to the API server. HTTP error statuses are returned (callers read the Status object);
 * only socket/TLS/DNS failures, timeouts and 401 throw a ClusterError.
 */
export async function sendRequest(
  server: string,
  context: string,
  apply: OptionsApplier,
  method: string,
  path: string,
  req: RestRequest = {},
): Promise<RestResponse> {
  const base = new URL(server);
  const url = new URL(base.pathname.replace(/\/$/, '') + path, base);
  for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  const opts: https.RequestOptions = { method, headers: { Accept: 'application/json' } };
  try {
    await apply(opts);
  } catch (e) {
    // client-node refuses plain-http servers unless the kubeconfig sets insecure-skip-tls-verify, and fails
    // here when exec/OIDC credential plugins fail.
    throw new ClusterError(
      'unauthorized',
      `cannot prepare credentials for ${server} (context ${context}): ${(e as Error).message}`,
      { server, context, cause: e },
    );
  }
  const headers = { ...(opts.headers as Record<string, string>) };
  if (req.body !== undefined) {
    headers['Content-Type'] = req.contentType ?? 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(req.body));
  }
  const mod = url.protocol === 'https:' ? https : http;
  const timeoutMs = req.timeoutMs ?? 30_000;
  const res = await new Promise<RestResponse>((resolve, reject) => {
    const r = mod.request(url, { ...opts, headers, agent: opts.agent ?? false }, (resp) => {
      const chunks: Buffer[] = [];
      let size = 0;
      resp.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_RESPONSE_BYTES) {
          resp.destroy(new Error(`response from ${path} larger than ${MAX_RESPONSE_BYTES} bytes`));
          return;
        }
        chunks.push(c);
      });
      resp.on('error', reject);
      resp.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const contentType = String(resp.headers['content-type'] ?? '');
        let body: unknown = text;
        if (contentType.includes('json') || /^\s*[{[]/.test(text)) {
          try {
            body = JSON.parse(text);
          } catch {
            body = text;
          }
        }
        resolve({ status: resp.statusCode ?? 0, body, text, contentType });
      });
    });
    r.setTimeout(timeoutMs, () => r.destroy(Object.assign(new Error('timeout'), { code: 'TE_TIMEOUT' })));
    r.on('error', reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  }).catch((err: unknown) => {
    throw networkError(err, server, context);
  });
  if (res.status === 401) {
    throw new ClusterError(
      'unauthorized',
      `the API server ${server} rejected the credentials of context ${context} (401 Unauthorized)`,
      {
        status: 401,
        server,
        context,
      },
    );
  }
  return res;
}
