import { describe, expect, it } from 'vitest';
import { scaleTarget } from '../../../../src/validate/rules/index.js';
import { findings, fixture, manifests } from '../helpers.js';

const C = 'ref/scale-target';
const so = (ref: string) => `---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: s, namespace: task-api}
spec:
  scaleTargetRef: ${ref}
  triggers: [{type: cpu, metricType: Utilization, metadata: {value: "70"}}]
`;
const stack = fixture('gateway-stack.yaml');

describe(C, () => {
  it.each([
    ['defaults to apps/v1 Deployment in the set', stack + so('{name: task-api}'), {}, []],
    ['explicit kind', stack + so('{apiVersion: apps/v1, kind: Deployment, name: task-api}'), {}, []],
    ['absent offline: info', stack + so('{name: other}'), {}, [`${C}:info@spec.scaleTargetRef.name`]],
    [
      'wrong kind: not found',
      stack + so('{kind: StatefulSet, name: task-api}'),
      {},
      [`${C}:info@spec.scaleTargetRef.name`],
    ],
    [
      'absent when connected: error',
      so('{name: task-api}'),
      { clusterObjects: [] },
      [`${C}:error@spec.scaleTargetRef.name`],
    ],
    ['present in the cluster', so('{name: task-api}'), { clusterObjects: manifests(stack) }, []],
  ])('%s', (_name, yaml, opts, expected) => {
    expect(findings(scaleTarget, yaml, opts)).toEqual(expected);
  });
});
