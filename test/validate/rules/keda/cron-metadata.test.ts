import { describe, expect, it } from 'vitest';
import { cronMetadata } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { so } from './so.js';

const C = 'keda/cron-metadata';
const spec = (meta: string) =>
  so(`scaleTargetRef: {name: api}\nminReplicaCount: 1\ntriggers: [{type: cron, metadata: {${meta}}}]`);
const M = 'spec.triggers[0].metadata';

describe(C, () => {
  it.each([
    ['complete', spec('timezone: Europe/Paris, start: "0 8 * * 1-5", end: "0 18 * * 1-5", desiredReplicas: "5"'), []],
    ['timezone missing', spec('start: "0 8 * * *", end: "0 18 * * *", desiredReplicas: "5"'), [`${C}:error@${M}`]],
    [
      'unknown timezone',
      spec('timezone: Mars/Base, start: "0 8 * * *", end: "0 18 * * *", desiredReplicas: "5"'),
      [`${C}:error@${M}.timezone`],
    ],
    [
      'six-field schedule',
      spec('timezone: UTC, start: "0 0 8 * * *", end: "0 18 * * *", desiredReplicas: "5"'),
      [`${C}:error@${M}.start`],
    ],
    [
      'start equals end',
      spec('timezone: UTC, start: "0 8 * * *", end: "0 8 * * *", desiredReplicas: "5"'),
      [`${C}:error@${M}.end`],
    ],
    [
      'desiredReplicas zero',
      spec('timezone: UTC, start: "0 8 * * *", end: "0 9 * * *", desiredReplicas: "0"'),
      [`${C}:error@${M}.desiredReplicas`],
    ],
    [
      'desiredReplicas not an integer',
      spec('timezone: UTC, start: "0 8 * * *", end: "0 9 * * *", desiredReplicas: "2.5"'),
      [`${C}:error@${M}.desiredReplicas`],
    ],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(cronMetadata, yaml)).toEqual(expected);
  });
});
