import * as http from 'node:http';
import * as https from 'node:https';
import type { ClusterClient } from './client.js';
import type { PreflightItem } from './preflight.js';

/** `http://prom.monitoring.svc.cluster.local:9090` → the in-cluster Service it names, if it is one. */
export function inClusterService(url: URL): { name: string; namespace: string; port: string } | undefined {
  const parts = url.hostname.split('.');
  const svc = parts.indexOf('svc');
  if (svc !== 2 || (parts.length !== 3 && parts.slice(3).join('.') !== 'cluster.local')) return undefined;
  return { name: parts[0], namespace: parts[1], port: url.port || (url.protocol === 'https:' ? '443' : '80') };
}

function directGet(url: URL, timeoutMs: number): Promise<{ status: number; text: string }> {
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const r = mod.get(url, { timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= 1_000_000) chunks.push(c);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    r.on('timeout', () => r.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    r.on('error', reject);
  });
}

/**
 * Checks that Prometheus answers `GET /api/v1/status/buildinfo`: through the API server's service proxy for
 * in-cluster URLs (`*.svc`, `*.svc.cluster.local`), else directly, with a timeout.
 */
export async function checkPrometheus(
  client: ClusterClient,
  rawUrl: string,
  timeoutMs: number,
): Promise<PreflightItem> {
  const name = `Prometheus ${rawUrl}`;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { name, ok: false, detail: 'not a valid URL', fix: 'use http://<service>.<namespace>.svc:<port>' };
  }
  const svc = inClusterService(url);
  const path = `${url.pathname.replace(/\/$/, '')}/api/v1/status/buildinfo`;
  let status: number;
  let text: string;
  try {
    if (svc) {
      const res = await client.request(
        'GET',
        `/api/v1/namespaces/${svc.namespace}/services/${svc.name}:${svc.port}/proxy${path}`,
        { timeoutMs },
      );
      status = res.status;
      text = res.text;
    } else {
      ({ status, text } = await directGet(new URL(path + url.search, url), timeoutMs));
    }
  } catch (e) {
    return {
      name,
      ok: false,
      detail: `unreachable: ${(e as Error).message}`,
      fix: 'check the serverAddress of the trigger and that Prometheus is running',
    };
  }
  let version: string | undefined;
  try {
    version = (JSON.parse(text) as { data?: { version?: string } }).data?.version;
  } catch {
    version = undefined;
  }
  if (status !== 200) {
    const how = svc ? `via the API server's service proxy (${svc.namespace}/${svc.name}:${svc.port})` : 'directly';
    return {
      name,
      ok: false,
      detail: `HTTP ${status} ${how}: ${text.slice(0, 200).trim()}`,
      fix: svc ? `kubectl -n ${svc.namespace} get svc,endpoints ${svc.name}` : 'check the URL',
    };
  }
  return {
    name,
    ok: true,
    version,
    detail: svc ? `answers through the service proxy (${svc.namespace}/${svc.name}:${svc.port})` : 'answers',
  };
}
