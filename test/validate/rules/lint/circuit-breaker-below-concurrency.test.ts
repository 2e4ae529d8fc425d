import { describe, expect, it } from 'vitest';
import { circuitBreakerBelowConcurrency } from '../../../../src/validate/rules/index.js';
import { findings, fixture } from '../helpers.js';
import { so } from '../keda/so.js';
import { btp } from './btp.js';

const C = 'lint/circuit-breaker-below-concurrency';
const P = 'spec.circuitBreaker.maxParallelRequests';
const stack = fixture('gateway-stack.yaml');
const cb = (n: number) =>
  btp(`circuitBreaker: {maxConnections: 1000, maxParallelRequests: ${n}, maxPendingRequests: 5}`);
const scaler = (query: string, threshold = '20', max = 10) =>
  so(
    `scaleTargetRef: {name: task-api}\nminReplicaCount: 1\nmaxReplicaCount: ${max}\ntriggers: [{type: prometheus, metadata: {serverAddress: "http://p:9090", threshold: "${threshold}", query: ${JSON.stringify(query)}}}]`,
  );
const active = 'sum(envoy_cluster_upstream_rq_active{envoy_cluster_name="httproute/task-api/task-api-route/rule/0"})';
const rps =
  'sum(rate(envoy_cluster_upstream_rq_total{envoy_cluster_name="httproute/task-api/task-api-route/rule/0"}[2m]))';

describe(C, () => {
  it.each([
    ['nothing to compare with', stack + cb(25), {}, []],
    ['option: expected 100 vs 25 × 1', stack + cb(25), { expectedConcurrency: 100 }, [`${C}:warning@${P}`]],
    ['option: 25 × 4 replicas covers 100', stack + cb(25), { expectedConcurrency: 100, envoyReplicas: 4 }, []],
    ['concurrency scaler: 20 × 10 = 200 > 25', stack + cb(25) + scaler(active), {}, [`${C}:warning@${P}`]],
    ['concurrency scaler within the breaker', stack + cb(500) + scaler(active), {}, []],
    ['RPS scaler says nothing about concurrency', stack + cb(25) + scaler(rps), {}, []],
    [
      'no circuitBreaker block',
      `${stack}${btp('timeout: {http: {requestTimeout: 10s}}')}`,
      { expectedConcurrency: 5000 },
      [],
    ],
  ])('%s', (_n, yaml, opts, expected) => {
    expect(findings(circuitBreakerBelowConcurrency, yaml, opts)).toEqual(expected);
  });
});
