import { describe, expect, it } from 'vitest';
import { cpuMemoryRequests } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { CPU, PROM, so } from './so.js';

const C = 'keda/cpu-memory-requests';
const deploy = (containers: string, kind = 'Deployment') => `---
apiVersion: apps/v1
kind: ${kind}
metadata: {name: api, namespace: task-api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: ${containers}
`;
const withReq = '{name: app, image: a, resources: {requests: {cpu: 100m}}}';
const withLimit = '{name: app, image: a, resources: {limits: {cpu: "1"}}}';
const bare = '{name: sidecar, image: s}';
const zero = '{name: app, image: a, resources: {requests: {cpu: "0"}}}';
const spec = (triggers: string, target = '{name: api}') =>
  so(`scaleTargetRef: ${target}\nminReplicaCount: 1\ntriggers: [${triggers}]`);
const limitRange = `---
apiVersion: v1
kind: LimitRange
metadata: {name: defaults, namespace: task-api}
spec: {limits: [{type: Container, defaultRequest: {cpu: 50m}}]}
`;
const T = 'spec.triggers[0]';

describe(C, () => {
  it.each([
    ['every container requests cpu', deploy(`[${withReq}]`) + spec(CPU), []],
    ['a limit is enough', deploy(`[${withLimit}]`) + spec(CPU), []],
    ['a sidecar without request', deploy(`[${withReq}, ${bare}]`) + spec(CPU), [`${C}:error@${T}`]],
    ['zero request does not count', deploy(`[${zero}]`) + spec(CPU), [`${C}:error@${T}`]],
    [
      'memory trigger needs memory',
      deploy(`[${withReq}]`) + spec('{type: memory, metricType: Utilization, metadata: {value: "70"}}'),
      [`${C}:error@${T}`],
    ],
    [
      'containerName restricts the check',
      deploy(`[${withReq}, ${bare}]`) +
        spec('{type: cpu, metricType: Utilization, metadata: {value: "70", containerName: app}}'),
      [],
    ],
    ['LimitRange default satisfies it', deploy(`[${bare}]`) + limitRange + spec(CPU), []],
    [
      'StatefulSet target is checked too',
      deploy(`[${bare}]`, 'StatefulSet') + spec(CPU, '{kind: StatefulSet, name: api}'),
      [`${C}:error@${T}`],
    ],
    ['prometheus trigger needs nothing', deploy(`[${bare}]`) + spec(PROM), []],
    ['workload not in the set: skipped', spec(CPU), []],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(cpuMemoryRequests, yaml)).toEqual(expected);
  });
});
