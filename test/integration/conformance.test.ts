/**
 * Gateway API v1.6.1 conformance routing dataset: every request of cases.json and every
 * derivedRequest of status-cases.json through the route simulator, and every statusExpectation
 * through computeRouteStatus. The dataset lives in ../shared (TE_SHARED overrides).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseManifestStream } from '../../src/model/load-yaml.js';
import type { Manifest } from '../../src/model/manifest.js';
import type { SimRequest, SimResult } from '../../src/simulate/route/index.js';
import {
  buildRouteTable,
  parseRequestsJson,
  routeRequest,
  routeStatusFromTable,
} from '../../src/simulate/route/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = process.env.TE_SHARED ?? path.resolve(repoRoot, '..', 'shared');
const dir = path.join(shared, 'conformance', 'gateway-api');

interface Expect {
  status: number;
  backend?: string;
  weightedBackends?: Record<string, number>;
  redirect?: { scheme: string; host?: string; port?: string | null; path: string };
  location?: string;
  alsoAsserted?: { upstreamRequest?: { host?: string | null; path?: string | null } };
}
type Req = SimRequest & { expect: Expect };
interface Case {
  test: string;
  subtest?: string;
  manifests: string;
  requests?: Req[];
  derivedRequests?: Req[];
  statusExpectations?: StatusExpectation[];
}
interface StatusExpectation {
  kind: string;
  name: string;
  parent?: string;
  parentKind?: string;
  condition?: { type: string; status: string; reason?: string };
  listener?: string;
  attachedRoutes?: number;
  attachedRoutesTotal?: number;
  conditions?: { type: string; status: string; reason?: string }[];
}

const load = (f: string): Case[] => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Case[];

function manifestsOf(c: Case): Manifest[] {
  const { docs, diagnostics } = parseManifestStream(c.manifests, c.test);
  if (diagnostics.some((d) => d.severity === 'error')) throw new Error(`${c.test}: ${diagnostics[0].message}`);
  return docs.map((d) => d.object);
}

/** Differences between the expectation and the prediction, in words (empty when right). */
function diff(req: Req, got: SimResult): string[] {
  const e = req.expect;
  const out: string[] = [];
  if (got.status !== e.status) out.push(`status ${got.status} ≠ ${e.status}`);
  if (e.backend !== undefined && got.backend !== e.backend) out.push(`backend ${got.backend} ≠ ${e.backend}`);
  if (e.weightedBackends) {
    const keys = new Set([...Object.keys(e.weightedBackends), ...Object.keys(got.weightedBackends ?? {})]);
    for (const k of keys) {
      const want = e.weightedBackends[k] ?? 0;
      const have = got.weightedBackends?.[k] ?? 0;
      if (Math.abs(want - have) > 1e-9) out.push(`weight of ${k} ${have} ≠ ${want}`);
    }
  }
  if (e.redirect) {
    const r = got.redirect;
    if (!r) out.push('no redirect');
    else {
      if (r.scheme !== e.redirect.scheme) out.push(`redirect scheme ${r.scheme} ≠ ${e.redirect.scheme}`);
      if (r.path !== e.redirect.path) out.push(`redirect path ${r.path} ≠ ${e.redirect.path}`);
      if (e.redirect.host !== undefined && r.host !== e.redirect.host)
        out.push(`redirect host ${r.host} ≠ ${e.redirect.host}`);
      const dflt = e.redirect.scheme === 'https' ? '443' : '80';
      const norm = (p: string | null | undefined) => (p === null || p === undefined || p === dflt ? null : p);
      if ('port' in e.redirect && norm(r.port) !== norm(e.redirect.port))
        out.push(`redirect port ${r.port} ≠ ${e.redirect.port}`);
    }
  }
  if (e.location !== undefined && got.location !== e.location) out.push(`location ${got.location} ≠ ${e.location}`);
  const up = e.alsoAsserted?.upstreamRequest;
  if (up?.path) {
    const p = got.rewrite?.path ?? req.path;
    if (p !== up.path) out.push(`upstream path ${p} ≠ ${up.path}`);
  }
  if (up?.host) {
    const h = got.rewrite?.host ?? req.host;
    if (h !== up.host) out.push(`upstream host ${h} ≠ ${up.host}`);
  }
  return out;
}

function checkStatus(table: ReturnType<typeof buildRouteTable>, s: StatusExpectation): string[] {
  const report = routeStatusFromTable(table);
  const condOk = (
    have: { type: string; status: string; reason: string }[],
    want: { type: string; status: string; reason?: string },
  ) => {
    const c = have.find((x) => x.type === want.type);
    if (!c) return `no ${want.type} condition`;
    if (c.status !== want.status || (want.reason !== undefined && c.reason !== want.reason)) {
      return `${want.type} ${c.status}/${c.reason} ≠ ${want.status}/${want.reason ?? '*'}`;
    }
    return undefined;
  };
  if (s.kind === 'HTTPRoute') {
    const r = report.routes.find((x) => x.route === s.name);
    const p = r?.parents.find((x) => x.parent === s.parent && x.parentKind === (s.parentKind ?? 'Gateway'));
    if (!p) return [`no status for parent ${s.parent}`];
    const m = condOk(p.conditions, s.condition as { type: string; status: string });
    return m ? [m] : [];
  }
  const g = report.gateways.find((x) => x.gateway === s.name);
  if (!g) return [`no Gateway ${s.name}`];
  if (s.attachedRoutesTotal !== undefined && g.attachedRoutesTotal !== s.attachedRoutesTotal) {
    return [`attachedRoutesTotal ${g.attachedRoutesTotal} ≠ ${s.attachedRoutesTotal}`];
  }
  if (s.listener === undefined) return [];
  const l = g.listeners.find((x) => x.name === s.listener);
  if (!l) return [`no listener ${s.listener}`];
  const out: string[] = [];
  if (s.attachedRoutes !== undefined && l.attachedRoutes !== s.attachedRoutes)
    out.push(`attachedRoutes ${l.attachedRoutes} ≠ ${s.attachedRoutes}`);
  for (const want of s.conditions ?? []) {
    const m = condOk(l.conditions, want);
    if (m) out.push(m);
  }
  return out;
}

describe('Gateway API v1.6.1 conformance dataset', () => {
  const cases = load('cases.json');
  const statusCases = load('status-cases.json');

  it('predicts every request of cases.json and every derived request of status-cases.json', () => {
    const failures: string[] = [];
    let total = 0;
    for (const c of [...cases, ...statusCases]) {
      const table = buildRouteTable(manifestsOf(c));
      for (const req of [...(c.requests ?? []), ...(c.derivedRequests ?? [])]) {
        total++;
        const got = routeRequest(table, req);
        const d = diff(req, got);
        if (d.length > 0)
          failures.push(
            `${c.test}${c.subtest ? ` (${c.subtest})` : ''} / ${req.name}: ${d.join('; ')} — ${got.reason ?? ''}`,
          );
      }
    }
    console.log(`route conformance: ${total - failures.length}/${total} requests predicted right`);
    expect(total).toBe(316 + statusCases.reduce((s, c) => s + (c.derivedRequests?.length ?? 0), 0));
    expect(failures).toEqual([]);
  });

  it('the simulate requests reader takes cases.json as it is (316 requests, none rejected)', () => {
    const { requests, diagnostics } = parseRequestsJson(readFileSync(path.join(dir, 'cases.json'), 'utf8'));
    expect(diagnostics).toEqual([]);
    expect(requests).toHaveLength(316);
  });

  it('`traffic-engineer simulate --format json` gives the same predictions, one per request, in order', async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'te-conf-'));
    const failures: string[] = [];
    let total = 0;
    try {
      for (const [i, c] of cases.entries()) {
        const config = path.join(tmp, `${i}.yaml`);
        const reqs = path.join(tmp, `${i}.json`);
        writeFileSync(config, c.manifests);
        writeFileSync(reqs, JSON.stringify([c])); // the case object as it is: its `requests` are taken
        let out = '';
        let err = '';
        const io = {
          stdout: (t: string) => {
            out += t;
          },
          stderr: (t: string) => {
            err += t;
          },
          readStdin: async () => '',
          cwd: tmp,
          env: {},
          isTTY: false,
        };
        const code = await main(['simulate', '--config', config, '--requests', reqs, '--format', 'json'], io);
        if (code !== 0) {
          failures.push(`${c.test}: exit ${code} ${err}`);
          continue;
        }
        const results = JSON.parse(out) as SimResult[];
        const requests = c.requests ?? [];
        if (results.length !== requests.length)
          failures.push(`${c.test}: ${results.length} results for ${requests.length} requests`);
        requests.forEach((req, k) => {
          total++;
          const d = results[k] ? diff(req, results[k]) : ['missing'];
          if (d.length > 0) failures.push(`${c.test} / ${req.name}: ${d.join('; ')}`);
        });
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    console.log(`simulate CLI: ${total - failures.length}/${total} requests predicted right`);
    expect(total).toBe(316);
    expect(failures).toEqual([]);
  });

  it('predicts every statusExpectation', () => {
    const failures: string[] = [];
    let total = 0;
    for (const c of [...cases, ...statusCases]) {
      if (!c.statusExpectations) continue;
      const table = buildRouteTable(manifestsOf(c));
      for (const s of c.statusExpectations) {
        total++;
        const d = checkStatus(table, s);
        if (d.length > 0)
          failures.push(
            `${c.test} / ${s.kind} ${s.name}${s.listener ? `#${s.listener}` : ''}${s.parent ? ` @${s.parent}` : ''}: ${d.join('; ')}`,
          );
      }
    }
    console.log(`status conformance: ${total - failures.length}/${total} expectations predicted right`);
    expect(total).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});
