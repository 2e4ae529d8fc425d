import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import type { Manifest } from '../model/manifest.js';
import { type ApiFailure, toApiFailure } from './api-status.js';
import { ClusterError } from './errors.js';
import { type RestRequest, type RestResponse, sendRequest } from './transport.js';

/** Where to find the cluster. Both fields are optional; the defaults follow kubectl. */
export interface ConnectOptions {
  /** Kubeconfig file. Default: `$KUBECONFIG` (path list), else `~/.kube/config`, else in-cluster service account. */
  kubeconfig?: string;
  /** Context name. Default: the kubeconfig's current-context. */
  context?: string;
  /** Per-request timeout in ms (default 30 000). */
  requestTimeoutMs?: number;
  /** Environment to read KUBECONFIG from (default process.env). */
  env?: NodeJS.ProcessEnv;
}

/** What discovery says about a kind. */
export interface ResourceInfo {
  /** Plural resource name (`httproutes`). */
  name: string;
  namespaced: boolean;
  kind: string;
}

export type ApplyOutcome = { ok: true; object: Manifest } | { ok: false; failure: ApiFailure };

/** A connection to one cluster (one kubeconfig context). Plain JSON in and out. */
export interface ClusterClient {
  readonly context: string;
  readonly server: string;
  /** Namespace of the context (`default` when unset); used for namespaced objects without one. */
  readonly defaultNamespace: string;
  request(method: string, path: string, req?: RestRequest): Promise<RestResponse>;
  /** Discovery lookup (cached): undefined when the cluster serves no such kind. */
  resourceFor(apiVersion: string, kind: string): Promise<ResourceInfo | undefined>;
  /** REST path of an object (or of its collection when `name` is omitted); undefined for unknown kinds. */
  pathFor(apiVersion: string, kind: string, namespace?: string, name?: string): Promise<string | undefined>;
  /** GET; undefined when the object (or its kind) does not exist. */
  get(obj: Pick<Manifest, 'apiVersion' | 'kind' | 'metadata'>): Promise<Manifest | undefined>;
  list(apiVersion: string, kind: string, opts?: { namespace?: string; labelSelector?: string }): Promise<Manifest[]>;
  /** Server-side apply (PATCH application/apply-patch+yaml, force). Never deletes. */
  apply(obj: Manifest, opts: { dryRun: boolean; fieldManager: string }): Promise<ApplyOutcome>;
  /** The loaded client-node KubeConfig (for port forwarding). */
  readonly kubeConfig: KubeConfig;
}

function kubeconfigFiles(explicit: string | undefined, environment: NodeJS.ProcessEnv): string[] {
  if (explicit) return [explicit];
  const env = environment.KUBECONFIG;
  if (env) return env.split(delimiter).filter(Boolean);
  return [join(homedir(), '.kube', 'config')];
}

async function loadKubeConfig(opts: ConnectOptions): Promise<KubeConfig> {
  const k8s = await import('@kubernetes/client-node');
  const kc = new k8s.KubeConfig();
  const files = kubeconfigFiles(opts.kubeconfig, opts.env ?? process.env).filter((f) => existsSync(f));
  const inCluster =
    existsSync('/var/run/secrets/kubernetes.io/serviceaccount/token') && !!process.env.KUBERNETES_SERVICE_HOST;
  if (files.length === 0 && !inCluster) {
    const tried = kubeconfigFiles(opts.kubeconfig, opts.env ?? process.env).join(', ');
    throw new ClusterError('no-kubeconfig', `no kubeconfig found (looked at ${tried})`);
  }
  try {
    if (files.length === 0) kc.loadFromCluster();
    else {
      // Like kubectl: with several KUBECONFIG files, the first file that sets a value wins (current-context too).
      kc.loadFromFile(files[0]);
      for (const f of files.slice(1)) {
        const more = new k8s.KubeConfig();
        more.loadFromFile(f);
        for (const c of more.getClusters()) if (!kc.getCluster(c.name)) kc.addCluster(c);
        for (const u of more.getUsers()) if (!kc.getUser(u.name)) kc.addUser(u);
        for (const c of more.getContexts()) if (!kc.getContextObject(c.name)) kc.addContext(c);
        if (!kc.getCurrentContext() && more.getCurrentContext()) kc.setCurrentContext(more.getCurrentContext());
      }
    }
  } catch (e) {
    throw new ClusterError('no-kubeconfig', `cannot read kubeconfig ${files.join(', ')}: ${(e as Error).message}`);
  }
  if (opts.context) {
    const names = kc.getContexts().map((c) => c.name);
    if (!names.includes(opts.context)) {
      throw new ClusterError(
        'bad-context',
        `context "${opts.context}" is not in the kubeconfig (have: ${names.join(', ') || 'none'})`,
      );
    }
    kc.setCurrentContext(opts.context);
  }
  if (!kc.getCurrentCluster()) {
    throw new ClusterError(
      'bad-context',
      `the kubeconfig has no usable current context${kc.getCurrentContext() ? ` ("${kc.getCurrentContext()}")` : ''}`,
    );
  }
  return kc;
}

/** Loads the kubeconfig and returns a client for the chosen context. Does not contact the server. */
export async function connect(opts: ConnectOptions = {}): Promise<ClusterClient> {
  const kc = await loadKubeConfig(opts);
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new ClusterError('bad-context', 'no current cluster');
  const context = kc.getCurrentContext();
  const ctxObj = kc.getContextObject(context);
  return new RestClusterClient(
    kc,
    context,
    cluster.server,
    ctxObj?.namespace || 'default',
    opts.requestTimeoutMs ?? 30_000,
  );
}

class RestClusterClient implements ClusterClient {
  private readonly discovery = new Map<string, Promise<ResourceInfo[] | undefined>>();
  constructor(
    readonly kubeConfig: KubeConfig,
    readonly context: string,
    readonly server: string,
    readonly defaultNamespace: string,
    private readonly timeoutMs: number,
  ) {}

  request(method: string, path: string, req: RestRequest = {}): Promise<RestResponse> {
    return sendRequest(this.server, this.context, (o) => this.kubeConfig.applyToHTTPSOptions(o), method, path, {
      timeoutMs: this.timeoutMs,
      ...req,
    });
  }

  private forbidden(res: RestResponse, what: string): never {
    const f = toApiFailure(res.status, res.body, res.text);
    throw new ClusterError('forbidden', `not allowed to ${what}: ${f.message}`, { status: 403, context: this.context });
  }

  async resourceFor(apiVersion: string, kind: string): Promise<ResourceInfo | undefined> {
    let p = this.discovery.get(apiVersion);
    if (!p) {
      const path = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
      p = this.request('GET', path).then((res) => {
        if (res.status === 404) return undefined;
        if (res.status === 403) this.forbidden(res, `read discovery ${path}`);
        if (res.status !== 200) throw new ClusterError('api-error', `discovery ${path}: HTTP ${res.status}`);
        const list = (res.body as { resources?: ResourceInfo[] }).resources ?? [];
        return list.filter((r) => !r.name.includes('/'));
      });
      this.discovery.set(apiVersion, p);
      p.catch(() => this.discovery.delete(apiVersion));
    }
    return (await p)?.find((r) => r.kind === kind);
  }

  async pathFor(apiVersion: string, kind: string, namespace?: string, name?: string): Promise<string | undefined> {
    const r = await this.resourceFor(apiVersion, kind);
    if (!r) return undefined;
    const root = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    const ns = r.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
    return `${root}${ns}/${r.name}${name ? `/${encodeURIComponent(name)}` : ''}`;
  }

  private async objectPath(obj: Pick<Manifest, 'apiVersion' | 'kind' | 'metadata'>): Promise<string | undefined> {
    const r = await this.resourceFor(obj.apiVersion, obj.kind);
    if (!r) return undefined;
    const ns = r.namespaced ? (obj.metadata.namespace ?? this.defaultNamespace) : undefined;
    return this.pathFor(obj.apiVersion, obj.kind, ns, obj.metadata.name);
  }

  async get(obj: Pick<Manifest, 'apiVersion' | 'kind' | 'metadata'>): Promise<Manifest | undefined> {
    const path = await this.objectPath(obj);
    if (!path) return undefined;
    const res = await this.request('GET', path);
    if (res.status === 404) return undefined;
    if (res.status === 403) this.forbidden(res, `get ${path}`);
    if (res.status !== 200)
      throw new ClusterError('api-error', `GET ${path}: ${toApiFailure(res.status, res.body, res.text).message}`);
    return res.body as Manifest;
  }

  async list(
    apiVersion: string,
    kind: string,
    opts: { namespace?: string; labelSelector?: string } = {},
  ): Promise<Manifest[]> {
    const path = await this.pathFor(apiVersion, kind, opts.namespace);
    if (!path) return [];
    const res = await this.request('GET', path, { query: { labelSelector: opts.labelSelector } });
    if (res.status === 404) return [];
    if (res.status === 403) this.forbidden(res, `list ${path}`);
    if (res.status !== 200)
      throw new ClusterError('api-error', `GET ${path}: ${toApiFailure(res.status, res.body, res.text).message}`);
    const body = res.body as { items?: Manifest[] };
    const itemKind = kind;
    return (body.items ?? []).map((i) => ({ ...i, apiVersion: i.apiVersion ?? apiVersion, kind: i.kind ?? itemKind }));
  }

  async apply(obj: Manifest, opts: { dryRun: boolean; fieldManager: string }): Promise<ApplyOutcome> {
    const r = await this.resourceFor(obj.apiVersion, obj.kind);
    if (!r) {
      return {
        ok: false,
        failure: {
          status: 404,
          reason: 'NoKind',
          message: `the cluster serves no ${obj.kind} in ${obj.apiVersion}`,
          causes: [],
        },
      };
    }
    const path = await this.objectPath(obj);
    // Namespaced objects without a namespace go to the context's namespace (as kubectl does); cluster-scoped ones
    // are sent without one.
    const { namespace: _ns, ...clusterMeta } = obj.metadata;
    const body = r.namespaced
      ? { ...obj, metadata: { ...obj.metadata, namespace: obj.metadata.namespace ?? this.defaultNamespace } }
      : { ...obj, metadata: clusterMeta };
    const res = await this.request('PATCH', path as string, {
      query: { fieldManager: opts.fieldManager, force: 'true', dryRun: opts.dryRun ? 'All' : undefined },
      body: JSON.stringify(body),
      contentType: 'application/apply-patch+yaml',
    });
    if (res.status === 200 || res.status === 201) return { ok: true, object: res.body as Manifest };
    if (res.status === 403) this.forbidden(res, `patch ${path}`);
    return { ok: false, failure: toApiFailure(res.status, res.body, res.text) };
  }
}
