import { describe, expect, it } from 'vitest';
import { scaleToZeroBehindGateway } from '../../../../src/validate/rules/index.js';
import { findings, fixture } from '../helpers.js';
import { PROM, so } from '../keda/so.js';

const C = 'lint/scale-to-zero-behind-gateway';
const stack = fixture('gateway-stack.yaml');
const routeOnly = `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: task-api}
spec: {parentRefs: [{name: eg, namespace: infra}], rules: [{backendRefs: [{name: task-api, port: 8000}]}]}
`;
const spec = (fields: string, target = 'task-api') =>
  so(`scaleTargetRef: {name: ${target}}\n${fields}triggers: [${PROM}]`);

describe(C, () => {
  it.each([
    ['min 1', stack + spec('minReplicaCount: 1\n'), []],
    ['min omitted on a routed Deployment', stack + spec(''), [`${C}:warning@spec`]],
    ['min 0 on a routed Deployment', stack + spec('minReplicaCount: 0\n'), [`${C}:warning@spec.minReplicaCount`]],
    [
      'idle 0 on a routed Deployment',
      stack + spec('minReplicaCount: 1\nidleReplicaCount: 0\n'),
      [`${C}:warning@spec.idleReplicaCount`],
    ],
    ['min 0 on a worker no route reaches', stack + spec('minReplicaCount: 0\n', 'worker'), []],
    [
      'Service and workload not in the set: matched by name',
      spec('minReplicaCount: 0\n') + routeOnly,
      [`${C}:warning@spec.minReplicaCount`],
    ],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(scaleToZeroBehindGateway, yaml)).toEqual(expected);
  });
});
