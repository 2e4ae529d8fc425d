import { describe, expect, it } from 'vitest';
import { prometheusMetadata } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { so } from './so.js';

const C = 'keda/prometheus-metadata';
const spec = (meta: string) =>
  so(`scaleTargetRef: {name: api}\nminReplicaCount: 1\ntriggers: [{type: prometheus, metadata: {${meta}}}]`);
const M = 'spec.triggers[0].metadata';
const base = 'serverAddress: "http://prom:9090", query: "sum(x)"';

describe(C, () => {
  it.each([
    ['complete', spec(`${base}, threshold: "50", activationThreshold: "1.5", ignoreNullValues: "false"`), []],
    ['threshold missing', spec(base), [`${C}:error@${M}`]],
    ['query and serverAddress missing', spec('threshold: "5"'), [`${C}:error@${M}`, `${C}:error@${M}`]],
    ['threshold not numeric', spec(`${base}, threshold: "fifty"`), [`${C}:error@${M}.threshold`]],
    ['threshold rounds to zero', spec(`${base}, threshold: "0.0001"`), [`${C}:error@${M}.threshold`]],
    [
      'activationThreshold not numeric',
      spec(`${base}, threshold: "5", activationThreshold: "low"`),
      [`${C}:error@${M}.activationThreshold`],
    ],
    [
      'ignoreNullValues not boolean',
      spec(`${base}, threshold: "5", ignoreNullValues: "nope"`),
      [`${C}:error@${M}.ignoreNullValues`],
    ],
    [
      'serverAddress not a URL',
      spec('serverAddress: "prom:9090", query: "x", threshold: "5"'),
      [`${C}:error@${M}.serverAddress`],
    ],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(prometheusMetadata, yaml)).toEqual(expected);
  });
});
