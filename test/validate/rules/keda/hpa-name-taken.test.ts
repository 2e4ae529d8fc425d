import { describe, expect, it } from 'vitest';
import { hpaNameTaken } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { PROM, so } from './so.js';

const C = 'keda/hpa-name-taken';
const spec = (target: string, hpa = '') =>
  `scaleTargetRef: {name: ${target}}${hpa ? `\nadvanced: {horizontalPodAutoscalerConfig: {name: ${hpa}}}` : ''}\ntriggers: [${PROM}]`;

describe(C, () => {
  it.each([
    ['default names differ', so(spec('a'), 'a') + so(spec('b'), 'b'), []],
    [
      'same custom HPA name',
      so(spec('a', 'shared'), 'a') + so(spec('b', 'shared'), 'b'),
      [`${C}:error@spec.advanced.horizontalPodAutoscalerConfig.name`],
    ],
    [
      'custom name equal to another default name',
      so(spec('a'), 'a') + so(spec('b', 'keda-hpa-a'), 'b'),
      [`${C}:error@spec.advanced.horizontalPodAutoscalerConfig.name`],
    ],
    ['same custom name in other namespaces', so(spec('a', 'x'), 'a') + so(spec('b', 'x'), 'b', 'other'), []],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(hpaNameTaken, yaml)).toEqual(expected);
  });
});
