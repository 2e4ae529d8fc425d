import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { parseManifestStream } from '../../src/model/load-yaml.js';
import { validateBuiltin } from '../../src/validate/builtin/index.js';
import { type CrdSet, loadCrds } from '../../src/validate/crds/index.js';
import { celEnvironment } from '../../src/validate/schema/cel/environment.js';
import { rewriteHasMacros } from '../../src/validate/schema/cel/rewrite.js';
import { createSchemaValidator, type SchemaValidator } from '../../src/validate/schema/index.js';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const SHARED = process.env.TE_SHARED ?? resolve(repoRoot, '..', 'shared');
const CRDS = join(SHARED, 'crds');

let experimental: SchemaValidator;
let standard: SchemaValidator;
let fullSet: CrdSet;

beforeAll(async () => {
  fullSet = await loadCrds([
    join(CRDS, 'envoy-gateway'),
    join(CRDS, 'gateway-api', 'experimental'),
    join(CRDS, 'keda'),
    join(CRDS, 'cert-manager'),
  ]);
  experimental = createSchemaValidator(fullSet);
  const std = await loadCrds([join(CRDS, 'gateway-api', 'standard'), join(CRDS, 'keda'), join(CRDS, 'cert-manager')]);
  standard = createSchemaValidator(std);
});

function check(v: SchemaValidator, text: string, file = 'test.yaml'): Diagnostic[] {
  const { docs, diagnostics } = parseManifestStream(text, file);
  expect(diagnostics).toEqual([]);
  return docs.flatMap((d) => v.validate(d));
}

const notInfo = (ds: Diagnostic[]) => ds.filter((d) => d.severity !== 'info');

describe('official CRDs load', () => {
  it('loads every CRD; only the replaced Gateway API copies are reported (info)', () => {
    expect(fullSet.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(fullSet.diagnostics.every((d) => d.code === 'crds/replaced')).toBe(true);
    for (const [g, v, k] of [
      ['gateway.networking.k8s.io', 'v1', 'Gateway'],
      ['gateway.networking.k8s.io', 'v1', 'HTTPRoute'],
      ['gateway.envoyproxy.io', 'v1alpha1', 'BackendTrafficPolicy'],
      ['keda.sh', 'v1alpha1', 'ScaledObject'],
      ['cert-manager.io', 'v1', 'Certificate'],
    ]) {
      expect(fullSet.get(g, v, k), `${g}/${v} ${k}`).toBeDefined();
    }
  });
});

describe('every CEL rule and pattern of the official CRDs', () => {
  it('compiles and type-checks with our Kubernetes CEL library; every pattern is a valid JS regex', () => {
    const rules = new Set<string>();
    const patterns = new Set<string>();
    const visit = (v: unknown): void => {
      if (!v || typeof v !== 'object') return;
      if (Array.isArray(v)) {
        v.forEach(visit);
        return;
      }
      const o = v as Record<string, unknown>;
      if (Array.isArray(o['x-kubernetes-validations'])) {
        for (const r of o['x-kubernetes-validations'] as { rule: string }[]) rules.add(r.rule);
      }
      if (typeof o.pattern === 'string' && (o.type === 'string' || o.type === undefined)) patterns.add(o.pattern);
      Object.values(o).forEach(visit);
    };
    for (const v of fullSet.entries()) visit(v.schema);
    expect(rules.size).toBeGreaterThan(200);
    const bad: string[] = [];
    for (const r of rules) {
      const c = celEnvironment().check(rewriteHasMacros(r));
      if (!c.valid) bad.push(`${r}: ${c.error?.message.split('\n')[0]}`);
    }
    for (const p of patterns) {
      try {
        new RegExp(p);
      } catch (e) {
        bad.push(`pattern ${p}: ${(e as Error).message}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('Gateway API conformance manifests pass the official CRD schemas and CEL rules', () => {
  for (const file of ['cases.json', 'status-cases.json']) {
    const cases = JSON.parse(readFileSync(join(SHARED, 'conformance', 'gateway-api', file), 'utf8')) as {
      test: string;
      subtest?: string;
      manifests: string;
    }[];
    it(`${file}: ${cases.length} cases, zero errors or warnings (experimental channel + Envoy Gateway)`, () => {
      let docs = 0;
      const problems: string[] = [];
      for (const c of cases) {
        const ds = check(experimental, c.manifests, c.test);
        docs += parseManifestStream(c.manifests).docs.length;
        for (const d of notInfo(ds)) problems.push(`${c.test}: ${d.code} ${d.message}`);
      }
      expect(problems).toEqual([]);
      expect(docs).toBeGreaterThan(100);
    });
    it(`${file}: zero errors against the standard channel`, () => {
      const problems: string[] = [];
      for (const c of cases) {
        for (const d of notInfo(check(standard, c.manifests, c.test)))
          problems.push(`${c.test}: ${d.code} ${d.message}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('our golden stacks', () => {
  it('pass the official CRD schemas and CEL rules (custom kinds) and the built-in checks (core kinds)', () => {
    const dirs = [join(repoRoot, 'test', 'golden'), join(repoRoot, 'examples')];
    const files = dirs
      .filter(existsSync)
      .flatMap((d) => readdirSync(d).map((n) => join(d, n, 'stack.golden.yaml')))
      .filter(existsSync);
    expect(files.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const f of files) {
      const { docs, diagnostics } = parseManifestStream(readFileSync(f, 'utf8'), f);
      expect(diagnostics).toEqual([]);
      for (const d of docs) {
        const { apiVersion, kind } = d.object;
        const ds = experimental.covers(apiVersion, kind) ? experimental.validate(d) : validateBuiltin(d);
        if (!ds) problems.push(`${f}: ${kind} is covered neither by a CRD nor by the built-in checks`);
        for (const x of notInfo(ds ?? [])) problems.push(`${f}: ${x.code} ${x.message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('envoy-gateway.md §13 tutorial BackendTrafficPolicy', () => {
  it('is schema- and CEL-valid (its problems are semantic; lints catch them)', () => {
    const md = readFileSync(join(SHARED, 'reference', 'envoy-gateway.md'), 'utf8');
    const section = md.slice(md.indexOf('## 13.'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    expect(yaml).toContain('kind: BackendTrafficPolicy');
    expect(yaml).toContain('value: "*"');
    expect(check(experimental, yaml)).toEqual([]);
  });
});

interface Broken {
  /** Text replaced in the valid manifest to break it. */
  from: string;
  to: string;
  code: string;
  path: string;
  /** Exact message, or a substring when `contains` is set. */
  message: string;
  contains?: boolean;
}

interface KindCase {
  kind: string;
  valid: string;
  structural: Broken;
  unknown: Broken;
  cel?: Broken;
}

const CASES: KindCase[] = [
  {
    kind: 'Gateway',
    valid: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: eg, namespace: infra}
spec:
  gatewayClassName: eg
  listeners:
    - {name: http, port: 80, protocol: HTTP}
    - name: https
      port: 443
      protocol: HTTPS
      hostname: api.example.com
      tls: {mode: Terminate, certificateRefs: [{name: api-tls}]}
`,
    structural: {
      from: 'port: 80,',
      to: 'port: "80",',
      code: 'schema/type',
      path: 'spec.listeners[0].port',
      message:
        'spec.listeners[0].port: Invalid value: "string": spec.listeners[0].port in body must be of type integer: "string"',
    },
    unknown: {
      from: 'hostname: api',
      to: 'hostnme: api',
      code: 'schema/unknown-field',
      path: 'spec.listeners[1].hostnme',
      message: 'unknown field "spec.listeners[1].hostnme"',
    },
    cel: {
      from: 'tls: {mode: Terminate, certificateRefs: [{name: api-tls}]}',
      to: 'tls: {mode: Terminate}',
      code: 'cel/rule-failed',
      path: 'spec.listeners[1].tls',
      message: 'evaluating rule: certificateRefs or options must be specified when mode is Terminate',
      contains: true,
    },
  },
  {
    kind: 'HTTPRoute',
    valid: `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: api, namespace: apps}
spec:
  parentRefs: [{name: eg, namespace: infra, sectionName: https}]
  hostnames: [api.example.com]
  rules:
    - matches: [{path: {type: PathPrefix, value: /v1}}]
      filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /}}}]
      backendRefs: [{name: api, port: 8080, weight: 1}]
`,
    structural: {
      from: 'weight: 1',
      to: 'weight: -1',
      code: 'schema/min-max',
      path: 'spec.rules[0].backendRefs[0].weight',
      message:
        'spec.rules[0].backendRefs[0].weight: Invalid value: -1: spec.rules[0].backendRefs[0].weight in body should be greater than or equal to 0',
    },
    unknown: {
      from: '- matches:',
      to: '- matchs:',
      code: 'schema/unknown-field',
      path: 'spec.rules[0].matchs',
      message: 'unknown field "spec.rules[0].matchs"',
    },
    cel: {
      from: 'type: PathPrefix',
      to: 'type: Exact',
      code: 'cel/rule-failed',
      path: 'spec.rules[0]',
      message:
        'spec.rules[0]: Invalid value: "object": When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
    },
  },
  {
    kind: 'BackendTrafficPolicy',
    valid: `apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata: {name: api-limits, namespace: apps}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: api}]
  rateLimit:
    local:
      rules:
        - clientSelectors: [{headers: [{name: x-user-id, type: Distinct}]}]
          limit: {requests: 100, unit: Minute}
  circuitBreaker: {maxConnections: 50, maxParallelRequests: 25, maxPendingRequests: 5}
`,
    structural: {
      from: 'unit: Minute',
      to: 'unit: Minutes',
      code: 'schema/enum',
      path: 'spec.rateLimit.local.rules[0].limit.unit',
      message:
        'spec.rateLimit.local.rules[0].limit.unit: Unsupported value: "Minutes": supported values: "Second", "Minute", "Hour", "Day", "Week", "Month", "Year"',
    },
    unknown: {
      from: 'circuitBreaker: {maxConnections',
      to: 'circuitBreaker: {maxConnection',
      code: 'schema/unknown-field',
      path: 'spec.circuitBreaker.maxConnection',
      message: 'unknown field "spec.circuitBreaker.maxConnection"',
    },
    cel: {
      from: 'limit: {requests: 100, unit: Minute}',
      to: 'limit: {requests: 100, unit: Minute}\n          cost: {response: {from: Number, number: 1}}',
      code: 'cel/rule-failed',
      path: 'spec.rateLimit.local.rules',
      message:
        'spec.rateLimit.local.rules: Invalid value: "array": response cost is not supported for Local Rate Limits',
    },
  },
  {
    kind: 'ClientTrafficPolicy',
    valid: `apiVersion: gateway.envoyproxy.io/v1alpha1
kind: ClientTrafficPolicy
metadata: {name: edge, namespace: infra}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: eg}]
  tcpKeepalive: {probes: 3, idleTime: 60s, interval: 10s}
`,
    structural: {
      from: 'probes: 3',
      to: 'probes: three',
      code: 'schema/type',
      path: 'spec.tcpKeepalive.probes',
      message: 'must be of type integer: "string"',
      contains: true,
    },
    unknown: {
      from: 'tcpKeepalive:',
      to: 'tcpKeepAlive:',
      code: 'schema/unknown-field',
      path: 'spec.tcpKeepAlive',
      message: 'unknown field "spec.tcpKeepAlive"',
    },
    cel: {
      from: 'kind: Gateway',
      to: 'kind: HTTPRoute',
      code: 'cel/rule-failed',
      path: 'spec',
      message: 'this policy can only have a targetRefs[*].kind of Gateway or ListenerSet',
      contains: true,
    },
  },
  {
    kind: 'SecurityPolicy',
    valid: `apiVersion: gateway.envoyproxy.io/v1alpha1
kind: SecurityPolicy
metadata: {name: api-cors, namespace: apps}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: api}]
  cors:
    allowOrigins: ["https://app.example.com"]
    allowMethods: [GET, POST]
    allowCredentials: true
`,
    structural: {
      from: 'allowCredentials: true',
      to: 'allowCredentials: "yes"',
      code: 'schema/type',
      path: 'spec.cors.allowCredentials',
      message:
        'spec.cors.allowCredentials: Invalid value: "string": spec.cors.allowCredentials in body must be of type boolean: "string"',
    },
    unknown: {
      from: 'allowOrigins:',
      to: 'allowOrigin:',
      code: 'schema/unknown-field',
      path: 'spec.cors.allowOrigin',
      message: 'unknown field "spec.cors.allowOrigin"',
    },
    cel: {
      from: 'kind: HTTPRoute',
      to: 'kind: Service',
      code: 'cel/rule-failed',
      path: 'spec',
      message: 'this policy can only have a targetRefs[*].kind of Gateway/ListenerSet/HTTPRoute/GRPCRoute/TCPRoute',
      contains: true,
    },
  },
  {
    kind: 'ScaledObject',
    valid: `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: api, namespace: apps}
spec:
  scaleTargetRef: {name: api}
  minReplicaCount: 1
  maxReplicaCount: 10
  pollingInterval: 15
  triggers:
    - type: prometheus
      metadata:
        serverAddress: http://prometheus.monitoring:9090
        query: sum(rate(envoy_http_downstream_rq_total[1m]))
        threshold: "50"
`,
    structural: {
      from: 'threshold: "50"',
      to: 'threshold: 50',
      code: 'schema/type',
      path: 'spec.triggers[0].metadata.threshold',
      message:
        'spec.triggers[0].metadata.threshold: Invalid value: "integer": spec.triggers[0].metadata.threshold in body must be of type string: "integer"',
    },
    unknown: {
      from: 'pollingInterval:',
      to: 'pollingIntervall:',
      code: 'schema/unknown-field',
      path: 'spec.pollingIntervall',
      message: 'unknown field "spec.pollingIntervall"',
    },
    cel: {
      from: 'minReplicaCount: 1',
      to: 'minReplicaCount: 20',
      code: 'cel/rule-failed',
      path: 'spec',
      message: 'spec: Invalid value: "object": minReplicaCount must be less than or equal to maxReplicaCount',
    },
  },
  {
    kind: 'Certificate',
    valid: `apiVersion: cert-manager.io/v1
kind: Certificate
metadata: {name: api-tls, namespace: infra}
spec:
  secretName: api-tls
  dnsNames: [api.example.com]
  duration: 2160h
  issuerRef: {name: local-ca, kind: Issuer}
`,
    structural: {
      from: 'duration: 2160h',
      to: 'duration: 90',
      code: 'schema/type',
      path: 'spec.duration',
      message: 'spec.duration: Invalid value: "integer": spec.duration in body must be of type string: "integer"',
    },
    unknown: {
      from: 'dnsNames:',
      to: 'dnsName:',
      code: 'schema/unknown-field',
      path: 'spec.dnsName',
      message: 'unknown field "spec.dnsName"',
    },
    // The v1.21.1 Certificate CRD carries no x-kubernetes-validations (checked below).
  },
  {
    kind: 'Issuer',
    valid: `apiVersion: cert-manager.io/v1
kind: Issuer
metadata: {name: local-ca, namespace: infra}
spec:
  ca: {secretName: local-ca}
`,
    structural: {
      from: 'secretName: local-ca',
      to: 'secretName: [local-ca]',
      code: 'schema/type',
      path: 'spec.ca.secretName',
      message: 'must be of type string: "array"',
      contains: true,
    },
    unknown: {
      from: 'ca: {secretName',
      to: 'ca: {secretNme',
      code: 'schema/unknown-field',
      path: 'spec.ca.secretNme',
      message: 'unknown field "spec.ca.secretNme"',
    },
    cel: {
      from: 'ca: {secretName: local-ca}',
      to: 'venafi: {zone: a}',
      code: 'cel/rule-failed',
      path: 'spec.venafi',
      message: 'exactly one of tpp, cloud, or ngts must be configured',
      contains: true,
    },
  },
];

describe.each(CASES)('$kind: errors caught with the right path and message', (c) => {
  it('the valid manifest passes', () => {
    expect(check(experimental, c.valid)).toEqual([]);
  });
  for (const which of ['structural', 'unknown', 'cel'] as const) {
    const b = c[which];
    if (!b) continue;
    it(`${which}: ${b.code} at ${b.path}`, () => {
      expect(c.valid).toContain(b.from);
      const ds = notInfo(check(experimental, c.valid.replace(b.from, b.to)));
      const hit = ds.find((d) => d.code === b.code && d.path === b.path);
      expect(hit, JSON.stringify(ds, null, 1)).toBeDefined();
      if (b.contains) expect(hit?.message).toContain(b.message);
      else expect(hit?.message).toBe(b.message);
      expect(hit?.severity).toBe('error');
      expect(hit?.line).toBeGreaterThan(0);
      if (which === 'unknown') expect(hit?.hint).toMatch(/did you mean "/);
    });
  }
});

it('cert-manager Certificate v1.21.1 has no CEL rules to violate', () => {
  const text = readFileSync(join(CRDS, 'cert-manager', 'cert-manager.io_certificates.yaml'), 'utf8');
  expect(text).not.toContain('x-kubernetes-validations');
  expect(parse(text).kind).toBe('CustomResourceDefinition');
});
