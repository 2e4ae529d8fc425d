import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import { parseManifestStream } from '../../../src/model/load-yaml.js';
import { type RunRulesOptions, runRules } from '../../../src/validate/rules/index.js';
import { fixture } from './helpers.js';

/** envoy-gateway.md §13: the tutorial's BackendTrafficPolicy (accepted by EG, does the opposite of its intent). */
const TUTORIAL_BTP = `
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata:
  name: task-api-ratelimit
  namespace: task-api
spec:
  targetRefs:
    - group: gateway.networking.k8s.io
      kind: HTTPRoute
      name: task-api-route
  rateLimit:
    local:
      rules:
        - clientSelectors:
            - headers:
                - name: x-user-id
                  value: "*"
          limit:
            requests: 100
            unit: Minute
        - clientSelectors:
            - headers:
                - name: x-user-id
                  value: "*"
                  invert: true
          limit:
            requests: 10
            unit: Minute
  circuitBreaker:
    maxConnections: 50
    maxParallelRequests: 25
    maxPendingRequests: 5
`;

/** envoy-gateway.md §13: the corrected local variant plus the policies that make x-user-id trustworthy. */
const CORRECTED_BTP = `
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata: {name: task-api-ratelimit, namespace: task-api}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: task-api-route}]
  rateLimit:
    local:
      rules:
        - clientSelectors: [{headers: [{name: x-user-id, type: Distinct}]}]
          limit: {requests: 100, unit: Minute}
        - clientSelectors: [{headers: [{name: x-user-id, type: RegularExpression, value: ".*", invert: true}]}]
          limit: {requests: 10, unit: Minute}
  circuitBreaker: {maxConnections: 50, maxParallelRequests: 25, maxPendingRequests: 5}
---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: ClientTrafficPolicy
metadata: {name: strip-identity-headers, namespace: infra}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: eg}]
  headers: {earlyRequestHeaders: {remove: [x-user-id]}}
---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: SecurityPolicy
metadata: {name: task-api-jwt, namespace: task-api}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: task-api-route}]
  jwt:
    optional: true
    providers:
      - name: idp
        issuer: https://idp.example.com/
        audiences: [task-api]
        remoteJWKS: {uri: https://idp.example.com/.well-known/jwks.json}
        claimToHeaders: [{claim: sub, header: x-user-id}]
`;

/** keda.md §9: the tutorial's ScaledObject (admitted, but with dead and risky fields). */
const TUTORIAL_SO = `
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: task-api-scaler
  namespace: task-api
spec:
  scaleTargetRef:
    name: task-api
  minReplicaCount: 1
  maxReplicaCount: 10
  pollingInterval: 15
  cooldownPeriod: 300
  triggers:
    - type: prometheus
      metadata:
        serverAddress: http://prometheus.monitoring.svc.cluster.local:9090
        metricName: task_api_request_rate
        query: sum(rate(http_requests_total{service="task-api"}[2m]))
        threshold: "50"
`;

/** keda.md §9: the suggested replacement. */
const CORRECTED_SO = `
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: task-api, namespace: task-api}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: task-api}
  minReplicaCount: 1
  maxReplicaCount: 10
  fallback: {failureThreshold: 3, replicas: 4}
  advanced:
    horizontalPodAutoscalerConfig:
      behavior:
        scaleDown: {stabilizationWindowSeconds: 300}
  triggers:
    - type: prometheus
      name: envoy-rps
      metadata:
        serverAddress: http://prometheus.monitoring.svc:9090
        query: sum(rate(envoy_cluster_upstream_rq_total{envoy_cluster_name="httproute/task-api/task-api-route/rule/0"}[2m]))
        threshold: "50"
        ignoreNullValues: "false"
`;

function run(yaml: string, opts: RunRulesOptions = {}): Diagnostic[] {
  const parsed = parseManifestStream(yaml, 'tutorial.yaml');
  expect(parsed.diagnostics).toEqual([]);
  return runRules(parsed.docs, opts);
}
const about = (diags: Diagnostic[], kind: string) => diags.filter((d) => d.resource?.kind === kind);
const codes = (diags: Diagnostic[]) => [...new Set(diags.map((d) => d.code))].sort();
const stack = `${fixture('gateway-stack.yaml')}---\n`;

describe('envoy-gateway.md §13 tutorial BackendTrafficPolicy', () => {
  it('gets the literal-"*", inverted-"*", shared-bucket and spoofing warnings, and no errors', () => {
    const diags = about(run(stack + TUTORIAL_BTP), 'BackendTrafficPolicy');
    expect(codes(diags)).toEqual([
      'lint/exact-star-header',
      'lint/inverted-exact-star',
      'lint/per-user-shared-bucket',
      'lint/spoofable-identity-header',
    ]);
    expect(diags.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('with 3 Envoy replicas also warns that the local limit multiplies; with peak concurrency 100 that the breaker trips', () => {
    const diags = about(
      run(stack + TUTORIAL_BTP, { envoyReplicas: 3, expectedConcurrency: 100 }),
      'BackendTrafficPolicy',
    );
    expect(codes(diags)).toContain('lint/local-limit-replicas');
    expect(codes(diags)).toContain('lint/circuit-breaker-below-concurrency');
  });

  it('alone, its missing target is a warning that says it gets no status', () => {
    const diags = run(TUTORIAL_BTP);
    expect(codes(diags)).toContain('ref/policy-target');
    expect(diags.find((d) => d.code === 'ref/policy-target')?.severity).toBe('warning');
  });

  it('findings carry the YAML line of the offending field', () => {
    const star = run(stack + TUTORIAL_BTP).find((d) => d.code === 'lint/exact-star-header');
    const lines = (stack + TUTORIAL_BTP).split('\n');
    expect(star?.line).toBeDefined();
    expect(lines[(star?.line ?? 0) - 1]).toContain('value: "*"');
  });

  it('the corrected variant with JWT + header stripping is clean', () => {
    const diags = run(stack + CORRECTED_BTP).filter((d) => d.resource?.kind !== 'Gateway');
    expect(codes(diags)).toEqual([]);
  });
});

describe('keda.md §9 tutorial ScaledObject', () => {
  it('gets metricName, pollingInterval, cooldownPeriod, unscoped-query and null-as-zero warnings, and no errors', () => {
    const diags = about(run(stack + TUTORIAL_SO), 'ScaledObject');
    expect(codes(diags)).toEqual([
      'lint/keda-cooldown-ignored',
      'lint/keda-metric-name',
      'lint/keda-polling-interval-ignored',
      'lint/prometheus-null-as-zero',
      'lint/prometheus-query-unscoped',
    ]);
    expect(diags.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('alone, its Deployment is only an info', () => {
    const diags = run(TUTORIAL_SO).filter((d) => d.code === 'ref/scale-target');
    expect(diags.map((d) => d.severity)).toEqual(['info']);
  });

  it('the suggested replacement is clean', () => {
    expect(codes(about(run(stack + CORRECTED_SO), 'ScaledObject'))).toEqual([]);
  });
});
