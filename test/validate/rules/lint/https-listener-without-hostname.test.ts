import { describe, expect, it } from 'vitest';
import { httpsListenerWithoutHostname } from '../../../../src/validate/rules/index.js';
import { findings, fixture } from '../helpers.js';

const C = 'lint/https-listener-without-hostname';
const gw = (listener: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: eg, namespace: infra}
spec: {gatewayClassName: eg, listeners: [${listener}]}
`;

describe(C, () => {
  it.each([
    ['fixture has hostnames', fixture('gateway-stack.yaml'), []],
    [
      'HTTPS without hostname',
      gw('{name: https, protocol: HTTPS, port: 443, tls: {certificateRefs: [{name: c}]}}'),
      [`${C}:warning@spec.listeners[0]`],
    ],
    [
      'wildcard hostname is fine',
      gw('{name: https, protocol: HTTPS, port: 443, hostname: "*.example.com", tls: {certificateRefs: [{name: c}]}}'),
      [],
    ],
    ['HTTP without hostname is fine', gw('{name: http, protocol: HTTP, port: 80}'), []],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(httpsListenerWithoutHostname, yaml)).toEqual(expected);
  });
});
