import { describe, expect, it } from 'vitest';
import { nameLength } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { PROM, so } from './so.js';

const C = 'keda/name-length';
const spec = `scaleTargetRef: {name: api}\ntriggers: [${PROM}]`;
const customHpa = `scaleTargetRef: {name: api}\nadvanced: {horizontalPodAutoscalerConfig: {name: short}}\ntriggers: [${PROM}]`;

describe(C, () => {
  it.each([
    ['short name', so(spec, 'task-api-scaler'), []],
    ['54 characters: HPA name is exactly 63', so(spec, 'a'.repeat(54)), []],
    ['55 characters: HPA name too long', so(spec, 'a'.repeat(55)), [`${C}:error@metadata.name`]],
    ['55 characters with a custom HPA name', so(customHpa, 'a'.repeat(55)), []],
    ['64 characters: both limits', so(spec, 'a'.repeat(64)), [`${C}:error@metadata.name`, `${C}:error@metadata.name`]],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(nameLength, yaml)).toEqual(expected);
  });
});
