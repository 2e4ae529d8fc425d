import { describe, expect, it } from 'vitest';
import { cpuMemoryScaleToZero } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { CPU, PROM, so } from './so.js';

const C = 'keda/cpu-memory-scale-to-zero';
const spec = (min: string, triggers: string, target = '{name: api}') =>
  so(`scaleTargetRef: ${target}\n${min}triggers: [${triggers}]`);

describe(C, () => {
  it.each([
    ['cpu only, min 1', spec('minReplicaCount: 1\n', CPU), []],
    ['cpu only, min omitted', spec('', CPU), [`${C}:error@spec`]],
    ['cpu only, min 0', spec('minReplicaCount: 0\n', CPU), [`${C}:error@spec.minReplicaCount`]],
    ['cpu + prometheus, min 0', spec('minReplicaCount: 0\n', `${CPU}, ${PROM}`), []],
    [
      'other target kinds are skipped',
      spec('', CPU, '{apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: api}'),
      [],
    ],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(cpuMemoryScaleToZero, yaml)).toEqual(expected);
  });
});
