import { describe, expect, it } from 'vitest';
import { kedaPollingIntervalIgnored } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { PROM, so } from '../keda/so.js';

const C = 'lint/keda-polling-interval-ignored';
const spec = (fields: string, trigger = PROM) => so(`scaleTargetRef: {name: api}\n${fields}\ntriggers: [${trigger}]`);

describe(C, () => {
  it.each([
    [
      'min 1 with pollingInterval',
      spec('minReplicaCount: 1\npollingInterval: 15'),
      [`${C}:warning@spec.pollingInterval`],
    ],
    ['min 0 needs it', spec('minReplicaCount: 0\npollingInterval: 15'), []],
    ['min omitted (0)', spec('pollingInterval: 15'), []],
    ['idle 0 needs it', spec('minReplicaCount: 1\nidleReplicaCount: 0\npollingInterval: 15'), []],
    [
      'cached metrics need it',
      spec(
        'minReplicaCount: 1\npollingInterval: 15',
        '{type: prometheus, useCachedMetrics: true, metadata: {serverAddress: "http://p", query: "x", threshold: "1"}}',
      ),
      [],
    ],
    ['not set', spec('minReplicaCount: 1'), []],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(kedaPollingIntervalIgnored, yaml)).toEqual(expected);
  });
});
