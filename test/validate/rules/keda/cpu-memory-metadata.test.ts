import { describe, expect, it } from 'vitest';
import { cpuMemoryMetadata } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { so } from './so.js';

const C = 'keda/cpu-memory-metadata';
const spec = (trigger: string) => so(`scaleTargetRef: {name: api}\nminReplicaCount: 1\ntriggers: [${trigger}]`);
const T = 'spec.triggers[0]';

describe(C, () => {
  it.each([
    ['Utilization percent', spec('{type: cpu, metricType: Utilization, metadata: {value: "70"}}'), []],
    ['AverageValue quantity', spec('{type: memory, metricType: AverageValue, metadata: {value: "256Mi"}}'), []],
    ['value missing', spec('{type: cpu, metricType: Utilization, metadata: {}}'), [`${C}:error@${T}.metadata`]],
    [
      'metricType in metadata instead of the trigger',
      spec('{type: cpu, metadata: {metricType: Utilization, value: "70"}}'),
      [`${C}:error@${T}.metadata.metricType`],
    ],
    ['metricType missing', spec('{type: cpu, metadata: {value: "70"}}'), [`${C}:error@${T}`]],
    [
      'removed metadata.type',
      spec('{type: cpu, metricType: Utilization, metadata: {type: Utilization, value: "70"}}'),
      [`${C}:error@${T}.metadata.type`],
    ],
    [
      'Utilization with a quantity',
      spec('{type: cpu, metricType: Utilization, metadata: {value: "500m"}}'),
      [`${C}:error@${T}.metadata.value`],
    ],
    [
      'unknown metricType',
      spec('{type: cpu, metricType: Value, metadata: {value: "70"}}'),
      [`${C}:error@${T}.metricType`],
    ],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(cpuMemoryMetadata, yaml)).toEqual(expected);
  });
});
