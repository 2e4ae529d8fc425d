import { describe, expect, it } from 'vitest';
import { workloadAlreadyManaged } from '../../../../src/validate/rules/index.js';
import { findings, manifests } from '../helpers.js';
import { PROM, so } from './so.js';

const C = 'keda/workload-already-managed';
const spec = (target = '{name: api}', extra = '') => `scaleTargetRef: ${target}\ntriggers: [${PROM}]${extra}`;
const hpa = (name: string, meta = '') => `---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: ${name}, namespace: task-api${meta}}
spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}, minReplicas: 1, maxReplicas: 3}
`;
const transfer = ', annotations: {scaledobject.keda.sh/transfer-hpa-ownership: "true"}';

describe(C, () => {
  it.each([
    ['one ScaledObject', so(spec()), {}, []],
    ['two ScaledObjects, different workloads', so(spec(), 'a') + so(spec('{name: web}'), 'b'), {}, []],
    [
      'two ScaledObjects on one workload (defaults applied)',
      so(spec(), 'a') + so(spec('{apiVersion: apps/v1, kind: Deployment, name: api}'), 'b'),
      {},
      [`${C}:error@spec.scaleTargetRef`],
    ],
    ['same workload name, other namespace', so(spec(), 'a') + so(spec(), 'b', 'other'), {}, []],
    ['same workload name, other kind', so(spec(), 'a') + so(spec('{kind: StatefulSet, name: api}'), 'b'), {}, []],
    ['an HPA already scales it', so(spec()) + hpa('legacy'), {}, [`${C}:error@spec.scaleTargetRef`]],
    [
      'HPA opted out of the ownership check',
      so(spec()) + hpa('legacy', ', annotations: {validations.keda.sh/hpa-ownership: "false"}'),
      {},
      [],
    ],
    [
      'HPA owned by this ScaledObject',
      so(spec()) +
        hpa(
          'keda-hpa-api',
          ', ownerReferences: [{apiVersion: keda.sh/v1alpha1, kind: ScaledObject, name: api, uid: "1"}]',
        ),
      {},
      [],
    ],
    [
      'ownership transfer with the HPA named',
      so(
        spec('{name: api}', '\nadvanced: {horizontalPodAutoscalerConfig: {name: legacy}}'),
        'api',
        'task-api',
        transfer,
      ) + hpa('legacy'),
      {},
      [],
    ],
    [
      'ownership transfer without the HPA named',
      so(spec(), 'api', 'task-api', transfer) + hpa('legacy'),
      {},
      [`${C}:error@spec.scaleTargetRef`],
    ],
  ])('%s', (_n, yaml, opts, expected) => {
    expect(findings(workloadAlreadyManaged, yaml, opts)).toEqual(expected);
  });

  it('a ScaledObject already in the cluster wins', () => {
    expect(
      findings(workloadAlreadyManaged, so(spec(), 'new'), { clusterObjects: manifests(so(spec(), 'old')) }),
    ).toEqual([`${C}:error@spec.scaleTargetRef`]);
  });
});
