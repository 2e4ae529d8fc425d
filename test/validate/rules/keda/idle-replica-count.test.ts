import { describe, expect, it } from 'vitest';
import { idleReplicaCount } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { PROM, so } from './so.js';

const C = 'keda/idle-replica-count';
const spec = (bounds: string) => `scaleTargetRef: {name: api}\n${bounds}\ntriggers: [${PROM}]`;

describe(C, () => {
  it.each([
    ['no idle', spec('minReplicaCount: 1'), []],
    ['idle 0 below min 1', spec('minReplicaCount: 1\nidleReplicaCount: 0'), []],
    ['idle equal to min', spec('minReplicaCount: 2\nidleReplicaCount: 2'), [`${C}:error@spec.idleReplicaCount`]],
    ['quirk: min omitted makes any idle fail', spec('idleReplicaCount: 0'), [`${C}:error@spec.idleReplicaCount`]],
    ['quirk: explicit min 0 counts as 1, so idle 0 passes', spec('minReplicaCount: 0\nidleReplicaCount: 0'), []],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(idleReplicaCount, so(yaml))).toEqual(expected);
  });
});
