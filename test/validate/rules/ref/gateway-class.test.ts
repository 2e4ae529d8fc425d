import { describe, expect, it } from 'vitest';
import { gatewayClass } from '../../../../src/validate/rules/index.js';
import { findings, fixture, manifests } from '../helpers.js';

const C = 'ref/gateway-class';
const gw = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: eg, namespace: infra}
spec: {gatewayClassName: eg, listeners: [{name: http, protocol: HTTP, port: 80}]}
`;
const cls = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: eg}
spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
`;

describe(C, () => {
  it.each([
    ['class in the set', fixture('gateway-stack.yaml'), {}, []],
    ['class absent offline: warning', gw, {}, [`${C}:warning@spec.gatewayClassName`]],
    ['class absent from the cluster: error', gw, { clusterObjects: [] }, [`${C}:error@spec.gatewayClassName`]],
    ['class present in the cluster', gw, { clusterObjects: manifests(cls) }, []],
  ])('%s', (_name, yaml, opts, expected) => {
    expect(findings(gatewayClass, yaml, opts)).toEqual(expected);
  });
});
