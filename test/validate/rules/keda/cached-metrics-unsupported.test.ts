import { describe, expect, it } from 'vitest';
import { cachedMetricsUnsupported } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { so } from './so.js';

const C = 'keda/cached-metrics-unsupported';
const spec = (trigger: string) => so(`scaleTargetRef: {name: api}\nminReplicaCount: 1\ntriggers: [${trigger}]`);

describe(C, () => {
  it.each([
    [
      'prometheus may cache',
      spec(
        '{type: prometheus, useCachedMetrics: true, metadata: {serverAddress: "http://p", query: "x", threshold: "1"}}',
      ),
      [],
    ],
    [
      'cpu may not',
      spec('{type: cpu, useCachedMetrics: true, metricType: Utilization, metadata: {value: "50"}}'),
      [`${C}:error@spec.triggers[0].useCachedMetrics`],
    ],
    [
      'cron may not',
      spec(
        '{type: cron, useCachedMetrics: true, metadata: {timezone: UTC, start: "0 8 * * *", end: "0 9 * * *", desiredReplicas: "2"}}',
      ),
      [`${C}:error@spec.triggers[0].useCachedMetrics`],
    ],
    [
      'false is fine',
      spec('{type: memory, useCachedMetrics: false, metricType: Utilization, metadata: {value: "50"}}'),
      [],
    ],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(cachedMetricsUnsupported, yaml)).toEqual(expected);
  });
});
