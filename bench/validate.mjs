#!/usr/bin/env node
/**
 * Validation benchmark: a generated platform of N services (per service: HTTPRoute,
 * BackendTrafficPolicy, SecurityPolicy, Service, Deployment, ScaledObject; one Gateway per 100
 * services) as one YAML stream. Measures, in the same run:
 *   parse    = parseManifestStream only
 *   validate = schema/CEL validation of the parsed documents against the full CRD set
 *              (built-in checks for Service/Deployment)
 * One ScaledObject (svc-7, minReplicaCount > maxReplicaCount) is broken on purpose: every size
 * must report exactly that one finding, which shows the rules really ran.
 * at 250/500/1000 services (linearity), and prints validate/parse ratios. CRD loading and the
 * one-time schema compilation are measured separately.
 *
 * Usage: node bench/validate.mjs [--services 250,500,1000] [--runs 3] [--json]
 * CRDs: $TE_CRDS (a directory) or ../shared/crds. Bundles src/ with esbuild on the fly.
 * Bounded: at most `runs` repetitions per size, and a size stops repeating after 60 s.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argOf = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const SIZES = argOf('services', '250,500,1000').split(',').map(Number);
const RUNS = Number(argOf('runs', '3'));
const JSON_OUT = process.argv.includes('--json');
const TIME_LIMIT_MS = 60_000;

async function loadModules() {
  const out = await build({
    stdin: {
      contents: `
        export { parseManifestStream } from './src/model/load-yaml.ts';
        export { loadCrds } from './src/validate/crds/index.ts';
        export { createSchemaValidator } from './src/validate/schema/index.ts';
        export { validateBuiltin } from './src/validate/builtin/index.ts';
        export { validateDocs } from './src/validate/validate.ts';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'te-bench-'));
  const file = path.join(dir, 'validate.mjs');
  writeFileSync(file, out.outputFiles[0].text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The generated platform as YAML text (block style, like generated manifests). */
function platform(n) {
  const docs = [];
  for (let g = 0; g < Math.ceil(n / 100); g++) {
    docs.push(`apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw-${g}
  namespace: infra
spec:
  gatewayClassName: eg
  listeners:
    - name: http
      port: 80
      protocol: HTTP
      allowedRoutes:
        namespaces:
          from: All
    - name: https
      port: 443
      protocol: HTTPS
      hostname: "*.p${g}.example.com"
      tls:
        mode: Terminate
        certificateRefs:
          - name: wildcard-p${g}
      allowedRoutes:
        namespaces:
          from: All
`);
  }
  for (let i = 0; i < n; i++) {
    const g = Math.floor(i / 100);
    const ns = `team-${i % 20}`;
    const name = `svc-${i}`;
    docs.push(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  parentRefs:
    - name: gw-${g}
      namespace: infra
      sectionName: https
  hostnames:
    - ${name}.p${g}.example.com
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /api
          headers:
            - name: x-tenant
              value: t${i % 7}
      timeouts:
        request: 10s
      backendRefs:
        - name: ${name}
          port: 8080
          weight: 90
        - name: ${name}-canary
          port: 8080
          weight: 10
    - matches:
        - path:
            type: PathPrefix
            value: /
      backendRefs:
        - name: ${name}
          port: 8080
`);
    docs.push(`apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  targetRefs:
    - group: gateway.networking.k8s.io
      kind: HTTPRoute
      name: ${name}
  rateLimit:
    local:
      rules:
        - clientSelectors:
            - headers:
                - name: x-user-id
                  type: Distinct
          limit:
            requests: 100
            unit: Minute
  circuitBreaker:
    maxConnections: 1024
    maxParallelRequests: 256
    maxPendingRequests: 64
  retry:
    numRetries: 2
    retryOn:
      triggers: [connect-failure, retriable-status-codes]
      httpStatusCodes: [503]
`);
    docs.push(`apiVersion: gateway.envoyproxy.io/v1alpha1
kind: SecurityPolicy
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  targetRefs:
    - group: gateway.networking.k8s.io
      kind: HTTPRoute
      name: ${name}
  cors:
    allowOrigins: ["https://app.example.com"]
    allowMethods: [GET, POST]
    maxAge: 600s
`);
    docs.push(`apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  selector:
    app: ${name}
  ports:
    - name: http
      port: 8080
      targetPort: http
`);
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
  labels:
    app: ${name}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: app
          image: ghcr.io/example/${name}:1.0.${i}
          ports:
            - name: http
              containerPort: 8080
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              cpu: "1"
              memory: 256Mi
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
`);
    docs.push(`apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  scaleTargetRef:
    name: ${name}
  minReplicaCount: ${i === 7 ? 30 : 2}
  maxReplicaCount: 20
  cooldownPeriod: 120
  triggers:
    - type: prometheus
      metadata:
        serverAddress: http://prometheus.monitoring:9090
        query: sum(rate(envoy_cluster_upstream_rq_total{envoy_cluster_name=~".*${name}.*"}[1m]))
        threshold: "50"
`);
  }
  return { text: docs.map((d) => `---\n${d}`).join(''), docs: docs.length };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main() {
  const m = await loadModules();
  const crdDir = process.env.TE_CRDS ?? path.resolve(root, '..', 'shared', 'crds');
  const sources = process.env.TE_CRDS
    ? [crdDir]
    : ['envoy-gateway', 'gateway-api/experimental', 'keda', 'cert-manager'].map((d) => path.join(crdDir, d));

  let t = performance.now();
  const set = await m.loadCrds(sources);
  const loadMs = performance.now() - t;
  const errors = set.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`CRD loading failed: ${errors[0].message}`);
  const validator = m.createSchemaValidator(set);

  const validateDoc = (doc) =>
    validator.covers(doc.object.apiVersion, doc.object.kind) ? validator.validate(doc) : (m.validateBuiltin(doc) ?? []);

  // One-time compilation of every schema used (and of the CEL programs), measured apart.
  const warm = platform(1);
  t = performance.now();
  for (const d of m.parseManifestStream(warm.text).docs) validateDoc(d);
  const compileMs = performance.now() - t;

  // JIT warm-up (not measured): one pass over a 100-service platform.
  for (const d of m.parseManifestStream(platform(100).text).docs) validateDoc(d);

  const rows = [];
  for (const n of SIZES) {
    const { text, docs } = platform(n);
    const parse = [];
    const validate = [];
    let findings = 0;
    const started = performance.now();
    for (let r = 0; r < RUNS && performance.now() - started < TIME_LIMIT_MS; r++) {
      const t0 = performance.now();
      const parsed = m.parseManifestStream(text, 'platform.yaml');
      const t1 = performance.now();
      // Full validation, as `traffic-engineer validate` runs it: schema + CEL, built-in kinds, then every rule and lint.
      const report = m.validateDocs(parsed.docs, { crds: set });
      const t2 = performance.now();
      // Findings about the object broken on purpose (schema/CEL and the KEDA webhook rule both see it).
      const f = new Set(
        report.diagnostics.filter((x) => x.severity === 'error').map((x) => `${x.resource?.kind}/${x.resource?.name}`),
      ).size;
      if (parsed.docs.length !== docs) throw new Error(`parsed ${parsed.docs.length} docs, expected ${docs}`);
      parse.push(t1 - t0);
      validate.push(t2 - t1);
      findings = f;
    }
    const p = median(parse);
    const v = median(validate);
    rows.push({
      services: n,
      docs,
      parseMs: p,
      validateMs: p + v,
      validateOnlyMs: v,
      ratio: (p + v) / p,
      findings,
      runs: parse.length,
    });
  }

  const perDoc = rows.map((r) => r.validateOnlyMs / r.docs);
  const result = {
    crdLoadMs: loadMs,
    compileMs,
    crds: set.size,
    rows,
    usPerDocValidation: perDoc.map((x) => x * 1000),
  };
  if (JSON_OUT) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(
    `CRD loading: ${loadMs.toFixed(0)} ms (${set.size} kinds); first-use schema + CEL compilation: ${compileMs.toFixed(0)} ms`,
  );
  console.log('services  docs   parse ms  parse+validate ms  validate-only ms  ratio  µs/doc (validate)  findings');
  for (const r of rows) {
    console.log(
      `${String(r.services).padStart(8)}  ${String(r.docs).padStart(5)}  ${r.parseMs.toFixed(0).padStart(8)}  ${r.validateMs.toFixed(0).padStart(17)}  ${r.validateOnlyMs.toFixed(0).padStart(16)}  ${r.ratio.toFixed(2).padStart(5)}  ${((r.validateOnlyMs / r.docs) * 1000).toFixed(1).padStart(18)}  ${String(r.findings).padStart(8)}`,
    );
  }
  if (rows.some((r) => r.findings !== 1)) console.log('UNEXPECTED: each size should report exactly 1 finding');
  const last = rows[rows.length - 1];
  console.log(
    `target: parse+validate ≤ 3× parse-only → ${last.ratio <= 3 ? 'met' : 'NOT met'} at ${last.services} services (${last.ratio.toFixed(2)}×)`,
  );
}

await main();
