import { describe, expect, it } from 'vitest';
import { prometheusNullAsZero } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { so } from '../keda/so.js';

const C = 'lint/prometheus-null-as-zero';
const M = 'spec.triggers[0].metadata';
const spec = (extraMeta: string, fields = '') =>
  so(
    `scaleTargetRef: {name: api}\nminReplicaCount: 1\n${fields}triggers: [{type: prometheus, metadata: {serverAddress: "http://p", query: "sum(x)", threshold: "5"${extraMeta}}}]`,
  );

describe(C, () => {
  it.each([
    ['default ignoreNullValues, no fallback', spec(''), [`${C}:warning@${M}`]],
    ['explicit true, no fallback', spec(', ignoreNullValues: "true"'), [`${C}:warning@${M}`]],
    ['false, no fallback: errors instead of 0', spec(', ignoreNullValues: "false"'), []],
    ['fallback present', spec('', 'fallback: {failureThreshold: 3, replicas: 4}\n'), []],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(prometheusNullAsZero, yaml)).toEqual(expected);
  });
});
