import { describe, expect, it } from 'vitest';
import { policyConflict } from '../../../../src/validate/rules/index.js';
import { findings, fixture, manifests, runOne } from '../helpers.js';

const C = 'ref/policy-conflict';
const btp = (name: string, section = '', created = '') => `---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata: {name: ${name}, namespace: task-api${created ? `, creationTimestamp: "${created}"` : ''}}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: task-api-route${section ? `, sectionName: ${section}` : ''}}]
`;
const stack = fixture('gateway-stack.yaml');

describe(C, () => {
  it.each([
    ['one policy', stack + btp('a'), []],
    ['route level and rule level do not conflict', stack + btp('a') + btp('b', 'all'), []],
    [
      'two on the same route: the alphabetically later one is Conflicted',
      stack + btp('b') + btp('a'),
      [`${C}:error@spec.targetRefs[0]`],
    ],
    ['two on the same rule', stack + btp('a', 'all') + btp('b', 'all'), [`${C}:error@spec.targetRefs[0]`]],
    [
      'three on the same route',
      stack + btp('a') + btp('b') + btp('c'),
      [`${C}:error@spec.targetRefs[0]`, `${C}:error@spec.targetRefs[0]`],
    ],
    ['missing targets are not conflicts', btp('a') + btp('b'), []],
  ])('%s', (_name, yaml, expected) => {
    expect(findings(policyConflict, yaml)).toEqual(expected);
  });

  it('the newer policy loses, whatever its name', () => {
    const diags = runOne(
      policyConflict,
      stack + btp('a', '', '2026-02-01T00:00:00Z') + btp('z', '', '2026-01-01T00:00:00Z'),
    );
    expect(diags.map((d) => d.resource?.name)).toEqual(['a']);
  });

  it('the winner is reported only once and a policy already in the cluster wins', () => {
    const out = findings(policyConflict, stack + btp('a'), {
      clusterObjects: manifests(btp('0-existing', '', '2020-01-01T00:00:00Z')),
    });
    expect(out).toEqual([`${C}:error@spec.targetRefs[0]`]);
  });
});
