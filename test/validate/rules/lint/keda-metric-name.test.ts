import { describe, expect, it } from 'vitest';
import { kedaMetricName } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { so } from '../keda/so.js';

const C = 'lint/keda-metric-name';
const spec = (trigger: string) => so(`scaleTargetRef: {name: api}\nminReplicaCount: 1\ntriggers: [${trigger}]`);

describe(C, () => {
  it.each([
    [
      'prometheus without metricName',
      spec('{type: prometheus, metadata: {serverAddress: "http://p", query: "x", threshold: "1"}}'),
      [],
    ],
    [
      'prometheus with metricName',
      spec('{type: prometheus, metadata: {serverAddress: "http://p", metricName: rps, query: "x", threshold: "1"}}'),
      [`${C}:warning@spec.triggers[0].metadata.metricName`],
    ],
    [
      'aws-cloudwatch still uses it',
      spec('{type: aws-cloudwatch, metadata: {metricName: CPUUtilization, namespace: AWS/EC2}}'),
      [],
    ],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(kedaMetricName, yaml)).toEqual(expected);
  });
});
