import { describe, expect, it } from 'vitest';
import { policyTarget } from '../../../../src/validate/rules/index.js';
import { findings, fixture } from '../helpers.js';

const C = 'ref/policy-target';
const policy = (kind: string, target: string) => `---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: ${kind}
metadata: {name: p, namespace: task-api}
spec:
  ${target}
`;
const stack = fixture('gateway-stack.yaml');
const ref = (kind: string, name: string, section = '') =>
  `targetRefs: [{group: gateway.networking.k8s.io, kind: ${kind}, name: ${name}${section ? `, sectionName: ${section}` : ''}}]`;

describe(C, () => {
  it.each([
    ['BTP on an existing route', stack + policy('BackendTrafficPolicy', ref('HTTPRoute', 'task-api-route')), []],
    [
      'BTP on an existing route rule name',
      stack + policy('BackendTrafficPolicy', ref('HTTPRoute', 'task-api-route', 'all')),
      [],
    ],
    [
      'BTP on a missing route',
      stack + policy('BackendTrafficPolicy', ref('HTTPRoute', 'task-api')),
      [`${C}:warning@spec.targetRefs[0].name`],
    ],
    [
      'SecurityPolicy on a misspelled route',
      stack + policy('SecurityPolicy', ref('HTTPRoute', 'taskapi-route')),
      [`${C}:warning@spec.targetRefs[0].name`],
    ],
    [
      'unknown sectionName',
      stack + policy('BackendTrafficPolicy', ref('HTTPRoute', 'task-api-route', 'nope')),
      [`${C}:error@spec.targetRefs[0].sectionName`],
    ],
    [
      'deprecated targetRef singular resolves',
      stack +
        policy(
          'BackendTrafficPolicy',
          'targetRef: {group: gateway.networking.k8s.io, kind: HTTPRoute, name: task-api-route}',
        ),
      [],
    ],
    [
      'CTP in another namespace than the Gateway',
      stack + policy('ClientTrafficPolicy', ref('Gateway', 'eg')),
      [`${C}:warning@spec.targetRefs[0].name`],
    ],
    [
      'targetSelectors matching nothing',
      stack + policy('BackendTrafficPolicy', 'targetSelectors: [{kind: HTTPRoute, matchLabels: {tier: api}}]'),
      [`${C}:warning@spec.targetSelectors[0]`],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(findings(policyTarget, yaml)).toEqual(expected);
  });

  it('targetSelectors matching a labelled route is fine', () => {
    const labelled = stack.replace(
      'metadata: {name: task-api-route, namespace: task-api}',
      'metadata: {name: task-api-route, namespace: task-api, labels: {tier: api}}',
    );
    expect(
      findings(
        policyTarget,
        labelled + policy('BackendTrafficPolicy', 'targetSelectors: [{kind: HTTPRoute, matchLabels: {tier: api}}]'),
      ),
    ).toEqual([]);
  });

  it('connected: a missing target is an error', () => {
    expect(
      findings(policyTarget, policy('BackendTrafficPolicy', ref('HTTPRoute', 'x')), { clusterObjects: [] }),
    ).toEqual([`${C}:error@spec.targetRefs[0].name`]);
  });
});
