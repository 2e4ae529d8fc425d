import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Diagnostic } from '../../model/diagnostic.js';
import { isCrdObject } from './crd-set.js';
import { defaultCrdCacheDir, MAX_CRD_FILE_BYTES } from './load.js';

export const DEFAULT_CRD_VERSIONS = {
  gatewayApi: 'v1.6.1',
  envoyGateway: 'v1.9.0',
  keda: 'v2.20.2',
  certManager: 'v1.21.1',
} as const;

export type CrdProject = keyof typeof DEFAULT_CRD_VERSIONS;

export interface PullCrdsOptions {
  /** Version tag (`v1.6.1`), or `false` to skip the project. Unset: the default version. */
  gatewayApi?: string | false;
  envoyGateway?: string | false;
  keda?: string | false;
  certManager?: string | false;
  /** Gateway API release channel. Default `standard`. */
  channel?: 'standard' | 'experimental';
  /** Replaces the `https://github.com` origin of every asset URL (for mirrors and tests). */
  mirror?: string;
  /** Default `defaultCrdCacheDir()`. */
  cacheDir?: string;
  /** Per-download timeout in milliseconds. Default 60 000. */
  timeoutMs?: number;
  /** Largest accepted asset. Default and upper bound 64 MiB. */
  maxBytes?: number;
}

export interface PulledAsset {
  project: CrdProject;
  version: string;
  url: string;
  /** File written in the cache. */
  path: string;
  /** Number of CRD documents kept. */
  crds: number;
}

export interface PullCrdsResult {
  pulled: PulledAsset[];
  diagnostics: Diagnostic[];
}

const GITHUB = 'https://github.com';

/** The official release asset of a project, as a path below the GitHub origin. */
export function releaseAssetPath(project: CrdProject, version: string, channel: 'standard' | 'experimental'): string {
  switch (project) {
    case 'gatewayApi':
      return `/kubernetes-sigs/gateway-api/releases/download/${version}/${channel}-install.yaml`;
    case 'envoyGateway':
      return `/envoyproxy/gateway/releases/download/${version}/envoy-gateway-crds.yaml`;
    case 'keda':
      return `/kedacore/keda/releases/download/${version}/keda-${version.replace(/^v/, '')}-crds.yaml`;
    case 'certManager':
      return `/cert-manager/cert-manager/releases/download/${version}/cert-manager.crds.yaml`;
  }
}

/** Cache file name per project; one file each, so a newer pull replaces an older one. */
const CACHE_FILE: Record<CrdProject, string> = {
  certManager: 'cert-manager.yaml',
  envoyGateway: 'envoy-gateway.yaml',
  // After envoy-gateway.yaml in name order: an explicitly pulled Gateway API wins over EG's bundled copy.
  gatewayApi: 'gateway-api.yaml',
  keda: 'keda.yaml',
};

const VERSION_RE = /^v?[0-9A-Za-z.+-]{1,64}$/;

/**
 * Downloads the official CRD release assets into the local cache (`crds pull`).
 * Only CRD documents are kept; each file is written atomically (temporary file + rename).
 * Download problems become `crds/pull-failed` error diagnostics; other projects still proceed.
 */
export async function pullCrds(options: PullCrdsOptions = {}): Promise<PullCrdsResult> {
  const cacheDir = options.cacheDir ?? defaultCrdCacheDir();
  const channel = options.channel ?? 'standard';
  const origin = (options.mirror ?? GITHUB).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxBytes = Math.min(options.maxBytes ?? MAX_CRD_FILE_BYTES, MAX_CRD_FILE_BYTES);
  const pulled: PulledAsset[] = [];
  const diagnostics: Diagnostic[] = [];
  await mkdir(cacheDir, { recursive: true });
  for (const project of Object.keys(DEFAULT_CRD_VERSIONS) as CrdProject[]) {
    const requested = options[project];
    if (requested === false) continue;
    const version = requested ?? DEFAULT_CRD_VERSIONS[project];
    if (!VERSION_RE.test(version)) {
      diagnostics.push({
        code: 'crds/bad-version',
        severity: 'error',
        message: `invalid ${project} version "${version}"`,
      });
      continue;
    }
    const url = origin + releaseAssetPath(project, version, channel);
    try {
      const text = await download(url, timeoutMs, maxBytes);
      const { yaml, crds } = keepCrds(text);
      if (crds === 0) throw new Error('the asset holds no CustomResourceDefinition');
      const path = join(cacheDir, CACHE_FILE[project]);
      const header = `# traffic-engineer crds pull: ${project} ${version}\n# source: ${url}\n`;
      await writeAtomic(path, header + yaml);
      pulled.push({ project, version, url, path, crds });
    } catch (err) {
      diagnostics.push({
        code: 'crds/pull-failed',
        severity: 'error',
        message: `cannot pull ${project} ${version} CRDs from ${url}: ${(err as Error).message}`,
        hint: 'check the version tag and the network, or use --mirror URL / --crds DIR',
      });
    }
  }
  return { pulled, diagnostics };
}

async function download(url: string, timeoutMs: number, maxBytes: number): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new Error(`asset is ${declared} bytes, more than the ${maxBytes} byte limit`);
  if (!res.body) throw new Error('empty response');
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`asset is larger than the ${maxBytes} byte limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function keepCrds(text: string): { yaml: string; crds: number } {
  const out: string[] = [];
  for (const doc of parseAllDocuments(text, { uniqueKeys: false })) {
    if (doc.errors.length > 0) throw new Error(`YAML syntax error: ${doc.errors[0].message.split('\n')[0]}`);
    if (isCrdObject(doc.toJS({ maxAliasCount: 100 }))) out.push(String(doc).replace(/^---\n/, ''));
  }
  return { yaml: out.map((d) => `---\n${d}`).join(''), crds: out.length };
}

async function writeAtomic(path: string, content: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  try {
    await writeFile(tmp, content, 'utf8');
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
