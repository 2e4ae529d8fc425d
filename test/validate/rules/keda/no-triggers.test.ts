import { describe, expect, it } from 'vitest';
import { noTriggers } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { PROM, so } from './so.js';

const C = 'keda/no-triggers';

describe(C, () => {
  it.each([
    ['one trigger', so(`scaleTargetRef: {name: api}\ntriggers: [${PROM}]`), []],
    ['empty list', so('scaleTargetRef: {name: api}\ntriggers: []'), [`${C}:error@spec.triggers`]],
    ['missing list', so('scaleTargetRef: {name: api}'), [`${C}:error@spec.triggers`]],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(noTriggers, yaml)).toEqual(expected);
  });
});
