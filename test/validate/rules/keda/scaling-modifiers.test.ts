import { describe, expect, it } from 'vitest';
import { scalingModifiers } from '../../../../src/validate/rules/index.js';
import { formulaVariables } from '../../../../src/validate/rules/keda/scaling-modifiers.js';
import { findings } from '../helpers.js';
import { so } from './so.js';

const C = 'keda/scaling-modifiers';
const trig = (name: string, type = 'prometheus') =>
  type === 'cpu'
    ? `{type: cpu, name: ${name}, metricType: Utilization, metadata: {value: "70"}}`
    : `{type: ${type}, name: ${name}, metadata: {serverAddress: "http://p:9090", query: "sum(x)", threshold: "1"}}`;
const spec = (sm: string, triggers = `${trig('rps')}, ${trig('lat')}`, extra = '') =>
  so(
    `scaleTargetRef: {name: api}\nminReplicaCount: 1\n${extra}advanced:\n  scalingModifiers: ${sm}\ntriggers: [${triggers}]`,
  );
const B = 'spec.advanced.scalingModifiers';

describe(C, () => {
  it.each([
    ['valid formula over named triggers', spec('{formula: "rps + lat * 2", target: "10"}'), []],
    [
      'formula with a function call and a string',
      spec('{formula: "max(rps, lat) > 1 ? rps : 0", target: "5", metricType: AverageValue}'),
      [],
    ],
    ['target missing', spec('{formula: "rps"}'), [`${C}:error@${B}.formula`]],
    ['formula missing', spec('{target: "10"}'), [`${C}:error@${B}`]],
    ['target not a number', spec('{formula: "rps", target: "ten"}'), [`${C}:error@${B}.target`]],
    ['target zero', spec('{formula: "rps", target: "0"}'), [`${C}:error@${B}.target`]],
    ['unknown variable', spec('{formula: "rps + errors", target: "1"}'), [`${C}:error@${B}.formula`]],
    [
      'cpu triggers are not variables',
      spec('{formula: "rps + c", target: "1"}', `${trig('rps')}, ${trig('c', 'cpu')}`),
      [`${C}:error@${B}.formula`],
    ],
    [
      'Utilization metricType',
      spec('{formula: "rps", target: "1", metricType: Utilization}'),
      [`${C}:error@${B}.metricType`],
    ],
    [
      'fallback behavior scalingModifiers needs a formula',
      spec('{target: "1"}', trig('rps'), 'fallback: {failureThreshold: 3, replicas: 2, behavior: scalingModifiers}\n'),
      [`${C}:error@spec.fallback.behavior`, `${C}:error@${B}`],
    ],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(scalingModifiers, yaml).sort()).toEqual([...expected].sort());
  });

  it('extracts free variables only', () => {
    expect(formulaVariables('a + b.c * f(d) + "e" + 1e3 + (g ?? 2) and not h')).toEqual(['a', 'b', 'd', 'g', 'h']);
  });
});
