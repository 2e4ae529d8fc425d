/**
 * A small fake Kubernetes API server on 127.0.0.1 for src/cluster tests. It speaks the real protocol for the
 * endpoints traffic-engineer uses; the response shapes follow the Kubernetes API documentation:
 *
 * - Resource URIs, collections, GET/PATCH verbs, dry-run (`dryRun=All` persists nothing):
 *   https://kubernetes.io/docs/reference/using-api/api-concepts/  (sections "Resource URIs", "Dry-run")
 * - Server-side apply: PATCH with `Content-Type: application/apply-patch+yaml`, `fieldManager` required, `force`:
 *   https://kubernetes.io/docs/reference/using-api/server-side-apply/
 * - Status error objects (kind Status, reason, message, code, details.causes[].{reason,message,field}):
 *   https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/ and
 *   https://kubernetes.io/docs/reference/kubernetes-api/definitions/status-cause-v1-meta/
 *   (StatusReasonInvalid → HTTP 422, NotFound → 404, Unauthorized → 401)
 * - Discovery (/api, /apis, /api/v1, /apis/<group>/<version> → APIVersions, APIGroupList, APIResourceList):
 *   https://kubernetes.io/docs/concepts/overview/kubernetes-api/#discovery-api
 * - /version (version.Info: major, minor, gitVersion, platform…):
 *   https://kubernetes.io/docs/reference/using-api/health-checks/ lists the non-resource endpoints; the Info shape is
 *   k8s.io/apimachinery/pkg/version/types.go.
 * - CRDs served from apiextensions.k8s.io/v1 (spec.versions[].served decides which versions are discoverable):
 *   https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/
 *
 * Simplifications (documented, because tests must not mistake them for the real thing): apply merges maps
 * recursively and replaces lists (real SSA merges lists by their list-map keys); no watch; equality-only label
 * selectors; no admission beyond the scripted `reject` hooks and the namespace-exists check.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { parse as parseYaml } from 'yaml';

type Obj = Record<string, any>;

export interface FakeResource {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

export interface Cause {
  reason?: string;
  message: string;
  field?: string;
}

export interface RequestLog {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType?: string;
}

/** Returns the status to set after `gets` GETs of the object, or undefined to leave it. */
export type StatusScript = (gets: number, obj: Obj) => Obj | undefined;

const BUILTIN: FakeResource[] = [
  { group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false },
  { group: '', version: 'v1', kind: 'Secret', plural: 'secrets', namespaced: true },
  { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', namespaced: true },
  { group: '', version: 'v1', kind: 'Service', plural: 'services', namespaced: true },
  { group: '', version: 'v1', kind: 'Pod', plural: 'pods', namespaced: true },
  { group: '', version: 'v1', kind: 'ServiceAccount', plural: 'serviceaccounts', namespaced: true },
  { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', namespaced: true },
  {
    group: 'autoscaling',
    version: 'v2',
    kind: 'HorizontalPodAutoscaler',
    plural: 'horizontalpodautoscalers',
    namespaced: true,
  },
  {
    group: 'apiextensions.k8s.io',
    version: 'v1',
    kind: 'CustomResourceDefinition',
    plural: 'customresourcedefinitions',
    namespaced: false,
  },
];

function status(code: number, reason: string, message: string, details?: Obj): Obj {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

function mergeApply(live: unknown, patch: unknown): unknown {
  if (
    patch &&
    typeof patch === 'object' &&
    !Array.isArray(patch) &&
    live &&
    typeof live === 'object' &&
    !Array.isArray(live)
  ) {
    const out: Obj = { ...(live as Obj) };
    for (const [k, v] of Object.entries(patch as Obj)) out[k] = mergeApply((live as Obj)[k], v);
    return out;
  }
  return structuredClone(patch);
}

export class FakeApiServer {
  readonly requests: RequestLog[] = [];
  /** Bearer token required on every request when set (401 otherwise). */
  token?: string;
  gitVersion = 'v1.34.1';
  private server!: http.Server;
  private readonly resources: FakeResource[] = [...BUILTIN];
  private readonly store = new Map<string, Obj>();
  private readonly gets = new Map<string, number>();
  private readonly scripts = new Map<string, StatusScript>();
  private readonly rejects: ((obj: Obj) => Cause[] | undefined)[] = [];
  private readonly proxies = new Map<string, (path: string) => { status: number; body: string }>();
  private rv = 100;
  url = '';
  /** Requests whose path matches one of these get 403 Forbidden (RBAC), e.g. `/customresourcedefinitions$/`. */
  readonly forbid: RegExp[] = [];
  /** Handles WebSocket upgrades (pods/portforward); see test/cluster/fake-portforward.ts. */
  upgrade?: (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      this.requests.push({
        method: 'UPGRADE',
        path: new URL(req.url ?? '/', 'http://x').pathname,
        query: Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams),
      });
      if (this.upgrade) this.upgrade(req, socket, head);
      else socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections?.();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** Stores an object as if it existed in the cluster. CRDs also register their served kinds. */
  add(obj: Obj): Obj {
    const r = this.resourceOf(obj.apiVersion, obj.kind);
    if (!r) throw new Error(`fake: unknown kind ${obj.apiVersion} ${obj.kind}`);
    const o = structuredClone(obj);
    o.metadata = {
      uid: randomUUID(),
      resourceVersion: String(++this.rv),
      generation: 1,
      creationTimestamp: '2026-11-27T10:00:00Z',
      ...o.metadata,
    };
    this.store.set(this.key(r, o.metadata.namespace, o.metadata.name), o);
    if (obj.kind === 'CustomResourceDefinition') this.registerCrd(o);
    return o;
  }

  /** The stored object, if any. */
  find(apiVersion: string, kind: string, namespace: string | undefined, name: string): Obj | undefined {
    const r = this.resourceOf(apiVersion, kind);
    return r && this.store.get(this.key(r, namespace, name));
  }

  /** Scripts the `status` of an object, evaluated on each GET of it (counting GETs). */
  scriptStatus(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
    script: StatusScript,
  ): void {
    const r = this.resourceOf(apiVersion, kind);
    if (!r) throw new Error(`fake: unknown kind ${kind}`);
    this.scripts.set(this.key(r, namespace, name), script);
  }

  /** Admission hook: return causes to answer the apply with 422 Invalid. */
  reject(fn: (obj: Obj) => Cause[] | undefined): void {
    this.rejects.push(fn);
  }

  /** Answers GET /api/v1/namespaces/<ns>/services/<svc>/proxy/<path> (`svc` as written in the URL, e.g. `prom:9090`). */
  proxy(namespace: string, service: string, fn: (path: string) => { status: number; body: string }): void {
    this.proxies.set(`${namespace}/${service}`, fn);
  }

  /**
   * Writes a kubeconfig for this server into a temp dir and returns its path. The server is plain http, which
   * client-node only accepts with `insecure-skip-tls-verify: true`.
   */
  writeKubeconfig(opts: { context?: string; namespace?: string; token?: string } = {}): string {
    const dir = mkdtempSync(join(tmpdir(), 'te-kubeconfig-'));
    const ctx = opts.context ?? 'fake';
    const file = join(dir, 'config');
    const user = opts.token ? `    token: ${opts.token}\n` : '    {}\n';
    writeFileSync(
      file,
      `apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster:\n    server: ${this.url}\n    insecure-skip-tls-verify: true\nusers:\n- name: fake\n  user:\n${user}contexts:\n- name: ${ctx}\n  context:\n    cluster: fake\n    user: fake\n${opts.namespace ? `    namespace: ${opts.namespace}\n` : ''}current-context: ${ctx}\n`,
    );
    return file;
  }

  private registerCrd(crd: Obj): void {
    for (const v of crd.spec.versions ?? []) {
      if (!v.served) continue;
      const r: FakeResource = {
        group: crd.spec.group,
        version: v.name,
        kind: crd.spec.names.kind,
        plural: crd.spec.names.plural,
        namespaced: crd.spec.scope === 'Namespaced',
      };
      if (!this.resources.some((x) => x.group === r.group && x.version === r.version && x.kind === r.kind))
        this.resources.push(r);
    }
  }

  private resourceOf(apiVersion: string, kind: string): FakeResource | undefined {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    return this.resources.find((r) => r.group === group && r.version === version && r.kind === kind);
  }

  private key(r: FakeResource, ns: string | undefined, name: string): string {
    return `${r.group}|${r.plural}|${r.namespaced ? (ns ?? '') : ''}|${name}`;
  }

  private send(res: http.ServerResponse, code: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      const query = Object.fromEntries(u.searchParams);
      this.requests.push({
        method: req.method ?? '',
        path: u.pathname,
        query,
        contentType: req.headers['content-type'],
      });
      if (this.token && req.headers.authorization !== `Bearer ${this.token}`) {
        this.send(res, 401, status(401, 'Unauthorized', 'Unauthorized'));
        return;
      }
      const denied = this.forbid.find((re) => re.test(u.pathname));
      if (denied) {
        const res403 = u.pathname.split('/').filter(Boolean);
        const resource = res403[res403.length - 1];
        this.send(
          res,
          403,
          status(
            403,
            'Forbidden',
            `${resource} is forbidden: User "dev" cannot ${req.method === 'GET' ? 'list' : 'patch'} resource "${resource}" at the cluster scope`,
            { kind: resource },
          ),
        );
        return;
      }
      try {
        this.route(
          req.method ?? 'GET',
          u.pathname,
          query,
          Buffer.concat(chunks).toString('utf8'),
          req.headers['content-type'] ?? '',
          res,
        );
      } catch (e) {
        this.send(res, 500, status(500, 'InternalError', String((e as Error).message)));
      }
    });
  }

  private route(
    method: string,
    path: string,
    query: Record<string, string>,
    body: string,
    ctype: string,
    res: http.ServerResponse,
  ): unknown {
    if (path === '/version') {
      const [major, minor] = this.gitVersion.slice(1).split('.');
      this.send(res, 200, {
        major,
        minor,
        gitVersion: this.gitVersion,
        gitCommit: 'fake',
        gitTreeState: 'clean',
        buildDate: '2026-09-01T00:00:00Z',
        goVersion: 'go1.25',
        compiler: 'gc',
        platform: 'linux/amd64',
      });
      return;
    }
    if (path === '/api')
      return this.send(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] });
    if (path === '/apis') return this.send(res, 200, this.groupList());
    const proxy = path.match(/^\/api\/v1\/namespaces\/([^/]+)\/services\/([^/]+)\/proxy(\/.*)?$/);
    if (proxy) {
      const fn = this.proxies.get(`${proxy[1]}/${proxy[2]}`);
      if (!fn)
        return this.send(
          res,
          503,
          status(503, 'ServiceUnavailable', `no endpoints available for service "${proxy[2]}"`),
        );
      const out = fn(proxy[3] ?? '/');
      res.writeHead(out.status, { 'Content-Type': 'application/json' });
      res.end(out.body);
      return;
    }
    const m = path.match(
      /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/namespaces\/([^/]+))?(?:\/([^/]+))?(?:\/([^/]+))?$/,
    );
    if (!m) return this.send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
    const group = m[2] ?? '';
    const version = m[1] ?? m[3];
    let [ns, plural, name]: (string | undefined)[] = [m[4], m[5], m[6]];
    if (path.match(/^\/api\/v1\/namespaces\/[^/]+$/)) [plural, name, ns] = ['namespaces', m[4], undefined];
    const served = this.resources.filter((r) => r.group === group && r.version === version);
    if (!plural) {
      if (served.length === 0)
        return this.send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
      return this.send(res, 200, {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: group ? `${group}/${version}` : version,
        resources: served.map((r) => ({
          name: r.plural,
          singularName: r.kind.toLowerCase(),
          namespaced: r.namespaced,
          kind: r.kind,
          verbs: ['get', 'list', 'patch', 'watch'],
        })),
      });
    }
    const r = served.find((x) => x.plural === plural);
    if (!r) return this.send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
    const gr = r.group ? `${r.plural}.${r.group}` : r.plural;
    if (!name) {
      if (method !== 'GET') return this.send(res, 405, status(405, 'MethodNotAllowed', 'method not allowed'));
      const sel = (query.labelSelector ?? '')
        .split(',')
        .filter(Boolean)
        .map((s) => s.split('='));
      const items = [...this.store.entries()]
        .filter(([k]) => k.startsWith(r.namespaced && ns ? `${r.group}|${r.plural}|${ns}|` : `${r.group}|${r.plural}|`))
        .map(([, o]) => o)
        .filter((o) => sel.every(([k, v]) => o.metadata?.labels?.[k] === v))
        // Lists of built-in types carry no apiVersion/kind on their items (only the list does).
        .map((o) => (BUILTIN.includes(r) ? { ...o, apiVersion: undefined, kind: undefined } : o));
      return this.send(res, 200, {
        kind: `${r.kind}List`,
        apiVersion: group ? `${group}/${version}` : version,
        metadata: { resourceVersion: String(this.rv) },
        items,
      });
    }
    const key = this.key(r, ns, name);
    if (method === 'GET') {
      const o = this.store.get(key);
      if (!o)
        return this.send(
          res,
          404,
          status(404, 'NotFound', `${gr} "${name}" not found`, { name, group: r.group, kind: r.plural }),
        );
      const n = (this.gets.get(key) ?? 0) + 1;
      this.gets.set(key, n);
      const script = this.scripts.get(key);
      const st = script?.(n, o);
      if (st) o.status = st;
      return this.send(res, 200, o);
    }
    if (method === 'PATCH') return this.apply(r, key, ns, name, query, body, ctype, res);
    return this.send(res, 405, status(405, 'MethodNotAllowed', `${method} not supported by the fake`));
  }

  private apply(
    r: FakeResource,
    key: string,
    ns: string | undefined,
    name: string,
    query: Record<string, string>,
    body: string,
    ctype: string,
    res: http.ServerResponse,
  ): unknown {
    if (ctype !== 'application/apply-patch+yaml')
      return this.send(
        res,
        415,
        status(415, 'UnsupportedMediaType', `the fake only supports server-side apply, got ${ctype}`),
      );
    if (!query.fieldManager)
      return this.send(
        res,
        400,
        status(
          400,
          'BadRequest',
          'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
        ),
      );
    if (query.dryRun !== undefined && query.dryRun !== 'All')
      return this.send(res, 400, status(400, 'BadRequest', `invalid dry run option: ${query.dryRun}`));
    const patch = parseYaml(body) as Obj;
    const kindName = r.group ? `${r.kind}.${r.group}` : r.kind;
    if (patch?.metadata?.name !== name)
      return this.send(
        res,
        400,
        status(400, 'BadRequest', 'the name of the object does not match the name on the URL'),
      );
    if (r.namespaced && ns && !this.store.has(`|namespaces||${ns}`))
      return this.send(
        res,
        404,
        status(404, 'NotFound', `namespaces "${ns}" not found`, { name: ns, kind: 'namespaces' }),
      );
    const causes = this.rejects.flatMap((fn) => fn(patch) ?? []);
    if (causes.length > 0) {
      const text = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message)).join(', ');
      return this.send(
        res,
        422,
        status(422, 'Invalid', `${kindName} "${name}" is invalid: ${causes.length > 1 ? `[${text}]` : text}`, {
          name,
          group: r.group,
          kind: r.kind,
          causes: causes.map((c) => ({ reason: c.reason ?? 'FieldValueInvalid', message: c.message, field: c.field })),
        }),
      );
    }
    const live = this.store.get(key);
    const merged = mergeApply(live ?? {}, patch) as Obj;
    merged.metadata = {
      ...merged.metadata,
      uid: live?.metadata.uid ?? randomUUID(),
      creationTimestamp: live?.metadata.creationTimestamp ?? '2026-11-27T10:00:00Z',
    };
    if (r.namespaced) merged.metadata.namespace = ns;
    const changed =
      !live ||
      JSON.stringify({ ...live, metadata: undefined, status: undefined }) !==
        JSON.stringify({ ...merged, metadata: undefined, status: undefined }) ||
      JSON.stringify(live.metadata.labels) !== JSON.stringify(merged.metadata.labels);
    merged.metadata.resourceVersion = changed ? String(this.rv + 1) : live.metadata.resourceVersion;
    merged.metadata.generation = live ? live.metadata.generation + (changed ? 1 : 0) : 1;
    merged.metadata.managedFields = [
      {
        manager: query.fieldManager,
        operation: 'Apply',
        apiVersion: patch.apiVersion,
        time: '2026-11-27T10:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: {},
      },
    ];
    if (query.dryRun !== 'All') {
      if (changed) this.rv++;
      this.store.set(key, merged);
      if (r.kind === 'CustomResourceDefinition') this.registerCrd(merged);
    }
    this.send(res, live ? 200 : 201, merged);
  }

  private groupList(): Obj {
    const groups = new Map<string, string[]>();
    for (const r of this.resources) {
      if (!r.group) continue;
      const vs = groups.get(r.group) ?? [];
      if (!vs.includes(r.version)) vs.push(r.version);
      groups.set(r.group, vs);
    }
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [...groups].map(([name, vs]) => ({
        name,
        versions: vs.map((v) => ({ groupVersion: `${name}/${v}`, version: v })),
        preferredVersion: { groupVersion: `${name}/${vs[0]}`, version: vs[0] },
      })),
    };
  }
}

/** Starts a fake API server; remember to `await stop()`. */
export async function startFakeApiServer(): Promise<FakeApiServer> {
  return new FakeApiServer().start();
}
