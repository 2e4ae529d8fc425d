import { describe, expect, it } from 'vitest';
import { promqlSyntax } from '../../../../src/validate/rules/index.js';
import { analyzePromql } from '../../../../src/validate/rules/util/promql.js';
import { findings } from '../helpers.js';
import { so } from './so.js';

const C = 'keda/promql-syntax';
const spec = (query: string) =>
  so(
    `scaleTargetRef: {name: api}\nminReplicaCount: 1\ntriggers: [{type: prometheus, metadata: {serverAddress: "http://p:9090", threshold: "5", query: ${JSON.stringify(query)}}}]`,
  );
const Q = 'spec.triggers[0].metadata.query';

describe(C, () => {
  it.each([
    ['valid rate query', 'sum(rate(http_requests_total{service="task-api"}[2m]))', []],
    ['valid envoy query', 'sum(envoy_cluster_upstream_rq_active{envoy_cluster_name="httproute/a/b/rule/0"})', []],
    ['unbalanced parenthesis', 'sum(rate(x[2m])', [`${C}:error@${Q}`]],
    ['bad matcher', 'sum(x{a=})', [`${C}:error@${Q}`]],
    ['missing range', 'rate(x[])', [`${C}:error@${Q}`]],
    ['garbage', 'select * from metrics', [`${C}:error@${Q}`]],
  ])('%s', (_n, query, expected) => {
    expect(findings(promqlSyntax, spec(query))).toEqual(expected);
  });

  it('reports metrics and label matchers', () => {
    const a = analyzePromql('sum(rate(http_requests_total{namespace="t", service=~"api.*"}[2m]))');
    expect(a.error).toBeUndefined();
    expect(a.metrics).toEqual(['http_requests_total']);
    expect(a.matchers).toEqual([
      { name: 'namespace', op: '=', value: 't' },
      { name: 'service', op: '=~', value: 'api.*' },
    ]);
  });
});
