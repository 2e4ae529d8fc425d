import { describe, expect, it } from 'vitest';
import { listenerConflict } from '../../../../src/validate/rules/index.js';
import { findings, fixture } from '../helpers.js';

const C = 'ref/listener-conflict';
const gw = (...listeners: string[]) => `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: eg, namespace: infra}
spec:
  gatewayClassName: eg
  listeners:
${listeners.map((l) => `    - ${l}`).join('\n')}
`;

describe(C, () => {
  it.each([
    ['fixture http + https', fixture('gateway-stack.yaml'), []],
    [
      'two hostnames on one port',
      gw(
        '{name: a, protocol: HTTP, port: 80, hostname: a.com}',
        '{name: b, protocol: HTTP, port: 80, hostname: b.com}',
      ),
      [],
    ],
    [
      'HTTPS and TLS share a port',
      gw(
        '{name: a, protocol: HTTPS, port: 443, hostname: a.com}',
        '{name: b, protocol: TLS, port: 443, hostname: b.com}',
      ),
      [],
    ],
    ['TCP and UDP share a port', gw('{name: a, protocol: TCP, port: 53}', '{name: b, protocol: UDP, port: 53}'), []],
    [
      'duplicate name',
      gw('{name: a, protocol: HTTP, port: 80}', '{name: a, protocol: HTTP, port: 8080}'),
      [`${C}:error@spec.listeners[1].name`],
    ],
    [
      'same port, protocol and hostname',
      gw('{name: a, protocol: HTTP, port: 80}', '{name: b, protocol: HTTP, port: 80}'),
      [`${C}:error@spec.listeners[1].hostname`],
    ],
    [
      'HTTP and HTTPS on one port',
      gw('{name: a, protocol: HTTP, port: 80}', '{name: b, protocol: HTTPS, port: 80, hostname: b.com}'),
      [`${C}:error@spec.listeners[1].protocol`],
    ],
    [
      'two TCP listeners on one port',
      gw('{name: a, protocol: TCP, port: 5432}', '{name: b, protocol: TCP, port: 5432}'),
      [`${C}:error@spec.listeners[1].port`],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(findings(listenerConflict, yaml)).toEqual(expected);
  });
});
