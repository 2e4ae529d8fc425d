import { describe, expect, it } from 'vitest';
import { replicaBounds } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { PROM, so } from './so.js';

const C = 'keda/replica-bounds';
const spec = (bounds: string) => `scaleTargetRef: {name: api}\n${bounds}\ntriggers: [${PROM}]`;

describe(C, () => {
  it.each([
    ['1..10', spec('minReplicaCount: 1\nmaxReplicaCount: 10'), []],
    ['equal bounds', spec('minReplicaCount: 5\nmaxReplicaCount: 5'), []],
    ['min above max', spec('minReplicaCount: 5\nmaxReplicaCount: 3'), [`${C}:error@spec.minReplicaCount`]],
    ['min above default max 100', spec('minReplicaCount: 101'), [`${C}:error@spec.minReplicaCount`]],
    ['explicit 0 counts as 1 and passes with max 1', spec('minReplicaCount: 0\nmaxReplicaCount: 1'), []],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(replicaBounds, so(yaml))).toEqual(expected);
  });
});
