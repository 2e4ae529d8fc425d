import { describe, expect, it } from 'vitest';
import { prometheusQueryUnscoped } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { so } from '../keda/so.js';

const C = 'lint/prometheus-query-unscoped';
const Q = 'spec.triggers[0].metadata.query';
const spec = (query: string, extra = '') =>
  so(
    `scaleTargetRef: {name: api}\nminReplicaCount: 1\ntriggers: [{type: prometheus, metadata: {serverAddress: "http://p:9090", threshold: "5", query: ${JSON.stringify(query)}${extra}}}]`,
  );

describe(C, () => {
  it.each([
    [
      'envoy cluster name (namespace + route)',
      spec('sum(rate(envoy_cluster_upstream_rq_total{envoy_cluster_name="httproute/task-api/r/rule/0"}[2m]))'),
      [],
    ],
    ['namespace and service', spec('sum(rate(http_requests_total{namespace="task-api",service="api"}[2m]))'), []],
    ['service but no namespace', spec('sum(rate(http_requests_total{service="task-api"}[2m]))'), [`${C}:warning@${Q}`]],
    ['no selector at all', spec('sum(rate(nginx_ingress_controller_requests[1m]))'), [`${C}:warning@${Q}`]],
    ['namespace only', spec('sum(rate(http_requests_total{namespace="task-api"}[2m]))'), [`${C}:warning@${Q}`]],
    [
      'namespace query parameter plus service',
      spec('sum(rate(http_requests_total{service="api"}[2m]))', ', namespace: task-api'),
      [],
    ],
    ['invalid PromQL is another rule', spec('sum(rate(x[2m])'), []],
    ['no vector selector', spec('vector(1)'), []],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(prometheusQueryUnscoped, yaml)).toEqual(expected);
  });
});
