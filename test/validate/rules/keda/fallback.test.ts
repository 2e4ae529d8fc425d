import { describe, expect, it } from 'vitest';
import { fallback } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { CPU, PROM, so } from './so.js';

const C = 'keda/fallback';
const spec = (fb: string, triggers: string, extra = '') =>
  so(`scaleTargetRef: {name: api}\nminReplicaCount: 1\n${fb}\ntriggers: [${triggers}]${extra}`);

describe(C, () => {
  it.each([
    ['no fallback', spec('', CPU), []],
    ['fallback with a prometheus trigger', spec('fallback: {failureThreshold: 3, replicas: 4}', PROM), []],
    ['fallback with cpu only', spec('fallback: {failureThreshold: 3, replicas: 4}', CPU), [`${C}:error@spec.fallback`]],
    ['negative values', spec('fallback: {failureThreshold: -1, replicas: 4}', PROM), [`${C}:error@spec.fallback`]],
    [
      'cpu only but scalingModifiers present',
      spec(
        'fallback: {failureThreshold: 3, replicas: 4}',
        CPU,
        '\nadvanced: {scalingModifiers: {formula: "x", target: "1"}}',
      ),
      [],
    ],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(fallback, yaml)).toEqual(expected);
  });
});
