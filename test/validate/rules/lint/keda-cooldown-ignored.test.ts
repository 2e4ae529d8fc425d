import { describe, expect, it } from 'vitest';
import { kedaCooldownIgnored } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { PROM, so } from '../keda/so.js';

const C = 'lint/keda-cooldown-ignored';
const spec = (fields: string) => so(`scaleTargetRef: {name: api}\n${fields}\ntriggers: [${PROM}]`);

describe(C, () => {
  it.each([
    [
      'min 1 with cooldownPeriod',
      spec('minReplicaCount: 1\ncooldownPeriod: 300'),
      [`${C}:warning@spec.cooldownPeriod`],
    ],
    ['min 0 uses it', spec('minReplicaCount: 0\ncooldownPeriod: 300'), []],
    ['idle 0 uses it', spec('minReplicaCount: 2\nidleReplicaCount: 0\ncooldownPeriod: 60'), []],
    ['not set', spec('minReplicaCount: 1'), []],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(kedaCooldownIgnored, yaml)).toEqual(expected);
  });
});
