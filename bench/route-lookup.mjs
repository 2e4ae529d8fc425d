#!/usr/bin/env node
/**
 * Route-lookup benchmark: one Gateway, 1,000 HTTPRoutes (varied hostnames, paths, headers, methods),
 * random requests. Measures lookups/s of the hostname-indexed table (`routeRequest`) against a naive
 * scan of every match of every attached route, after checking that both pick the same match.
 *
 * Usage: node bench/route-lookup.mjs [--routes 1000] [--requests 20000] [--json]
 * Bundles src/simulate/route with esbuild on the fly (no `npm run build` needed). Bounded: each
 * timed loop stops after its request count or 5 s, whichever comes first.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const ROUTES = arg('routes', 1000);
const REQUESTS = arg('requests', 20000);
const TIME_LIMIT_MS = 5000;

async function loadSimulator() {
  const out = await build({
    entryPoints: [path.join(root, 'src/simulate/route/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'te-bench-'));
  const file = path.join(dir, 'route.mjs');
  writeFileSync(file, out.outputFiles[0].text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Deterministic PRNG (mulberry32) so runs are comparable. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hostsOf(i) {
  if (i % 10 === 8) return [`*.t${i % 50}.example.com`];
  if (i % 10 === 9) return [];
  return [`app${i % 250}.example.com`];
}

function manifests(n) {
  const gw = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'gw', namespace: 'bench' },
    spec: {
      gatewayClassName: 'eg',
      listeners: [{ name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } }],
    },
  };
  const out = [gw];
  for (let i = 0; i < n; i++) {
    const backend = (name) => [{ name, port: 8080 }];
    out.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `svc-${i}`, namespace: 'bench' },
      spec: { ports: [{ port: 8080 }] },
    });
    out.push({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: `route-${i}`, namespace: 'bench' },
      spec: {
        parentRefs: [{ name: 'gw' }],
        hostnames: hostsOf(i),
        rules: [
          { matches: [{ path: { type: 'PathPrefix', value: `/svc${i}/v1` } }], backendRefs: backend(`svc-${i}`) },
          { matches: [{ path: { type: 'Exact', value: `/svc${i}/health` } }], backendRefs: backend(`svc-${i}`) },
          {
            matches: [
              { path: { type: 'PathPrefix', value: `/svc${i}` }, headers: [{ name: 'x-tenant', value: `t${i % 7}` }] },
            ],
            backendRefs: backend(`svc-${i}`),
          },
          {
            matches: [{ path: { type: 'PathPrefix', value: `/svc${i}/admin` }, method: 'POST' }],
            backendRefs: backend(`svc-${i}`),
          },
        ],
      },
    });
  }
  return out;
}

function requests(n, routes, rand) {
  const out = [];
  for (let k = 0; k < n; k++) {
    const i = Math.floor(rand() * routes);
    const h = hostsOf(i)[0];
    const host = h === undefined ? 'anything.example.net' : h.startsWith('*.') ? `x${k % 13}.${h.slice(2)}` : h;
    const pick = rand();
    const req = { gateway: 'bench/gw', port: 80, scheme: 'http', host, method: 'GET', path: `/svc${i}/v1/items/${k}` };
    if (pick < 0.2) req.path = `/svc${i}/health`;
    else if (pick < 0.35) Object.assign(req, { path: `/svc${i}/other`, headers: { 'X-Tenant': `t${i % 7}` } });
    else if (pick < 0.45) Object.assign(req, { path: `/svc${i}/admin/x`, method: 'POST' });
    else if (pick < 0.55) req.path = `/nothing/${k}`; // 404 most of the time
    out.push(req);
  }
  return out;
}

/** The naive lookup: every match of every route attached to the listener, best by hostname then precedence. */
function naiveFindMatch(sim, table, listener, host, r) {
  let best;
  let bestHost = -1;
  const score = (h) => (h === '*' ? 0 : h.startsWith('*.') ? 1 + h.length : 100000 + h.length);
  for (const [key, atts] of table.attachments) {
    const route = table.routes.get(key);
    let hostScore = -1;
    for (const a of atts) {
      for (const b of a.listeners) {
        if (b.listener.id !== listener.id) continue;
        for (const h of b.hostnames) {
          const ok = h === '*' || (host !== undefined && sim.hostMatches(h, host));
          if (ok) hostScore = Math.max(hostScore, score(h));
        }
      }
    }
    if (hostScore < 0) continue;
    for (const rule of route.rules) {
      for (const m of rule.matches) {
        if (!sim.matchAccepts(m, r)) continue;
        if (!best || hostScore > bestHost || (hostScore === bestHost && sim.compareMatches(m, best) < 0)) {
          best = m;
          bestHost = hostScore;
        }
      }
    }
  }
  return best;
}

function timed(label, reqs, fn) {
  for (let k = 0; k < Math.min(500, reqs.length); k++) fn(reqs[k]); // JIT warm-up, not timed
  const t0 = performance.now();
  let n = 0;
  for (const q of reqs) {
    fn(q);
    n++;
    if ((n & 255) === 0 && performance.now() - t0 > TIME_LIMIT_MS) break;
  }
  const ms = performance.now() - t0;
  return { label, lookups: n, ms: Math.round(ms), perSecond: Math.round((n / ms) * 1000) };
}

const sim = await loadSimulator();
const rand = rng(42);
const resources = manifests(ROUTES);
const t0 = performance.now();
const table = sim.buildRouteTable(resources);
const buildMs = Math.round(performance.now() - t0);
const reqs = requests(REQUESTS, ROUTES, rand);
const li = table.gateways.get('bench/gw').byPort.get(80)[0];
const prepared = reqs.map((q) => ({ host: sim.normalizeHost(q.host), r: sim.normalizeRequest(q) }));

// Correctness first: the index and the naive scan must pick the same match for every request.
let mismatches = 0;
const check = Math.min(prepared.length, 2000);
for (let k = 0; k < check; k++) {
  const { host, r } = prepared[k];
  if (sim.findMatch(li, host, r) !== naiveFindMatch(sim, table, li.listener, host, r)) mismatches++;
}

const statuses = {};
for (const q of reqs) {
  const s = sim.routeRequest(table, q).status;
  statuses[s] = (statuses[s] ?? 0) + 1;
}
const full = timed('routeRequest (indexed, full pipeline)', reqs, (q) => sim.routeRequest(table, q));
const indexed = timed('findMatch (indexed)', prepared, ({ host, r }) => sim.findMatch(li, host, r));
const naive = timed('naive scan of every match', prepared, ({ host, r }) =>
  naiveFindMatch(sim, table, li.listener, host, r),
);
const report = {
  routes: ROUTES,
  matchesPerRoute: 4,
  buildTableMs: buildMs,
  checkedAgainstNaive: check,
  mismatches,
  statuses,
  results: [full, indexed, naive],
  speedup: Math.round((indexed.perSecond / naive.perSecond) * 10) / 10,
};
if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
else {
  console.log(`route table: ${ROUTES} HTTPRoutes × 4 matches, built in ${buildMs} ms`);
  console.log(`index vs naive: ${mismatches} mismatches over ${check} requests`);
  for (const x of report.results)
    console.log(`${x.label.padEnd(40)} ${String(x.perSecond).padStart(10)} lookups/s  (${x.lookups} in ${x.ms} ms)`);
  console.log(`status mix: ${JSON.stringify(statuses)}; index speedup over naive scan: ×${report.speedup}`);
}
if (mismatches > 0) process.exitCode = 1;
