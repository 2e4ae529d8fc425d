import { describe, expect, it } from 'vitest';
import { bucketPerRoute } from '../../../../src/validate/rules/index.js';
import { findings, fixture } from '../helpers.js';
import { btp, hdr, limits } from './btp.js';

const C = 'lint/bucket-per-route';
const stack = fixture('gateway-stack.yaml');
const rule = hdr('{name: x-user-id, type: Distinct}');
const onGateway = (body: string) =>
  btp(body, 'gw-limit', '[{group: gateway.networking.k8s.io, kind: Gateway, name: eg}]').replace(
    'namespace: task-api',
    'namespace: infra',
  );
const route2 = `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: second, namespace: task-api}
spec: {parentRefs: [{name: eg, namespace: infra, sectionName: https}], rules: [{backendRefs: [{name: task-api, port: 8000}]}]}
`;
const two =
  '[{group: gateway.networking.k8s.io, kind: HTTPRoute, name: task-api-route}, {group: gateway.networking.k8s.io, kind: HTTPRoute, name: second}]';

describe(C, () => {
  it.each([
    ['one route', stack + btp(limits('local', rule)), []],
    ['local limit on a Gateway', stack + onGateway(limits('local', rule)), [`${C}:warning@spec.targetRefs[0]`]],
    ['global limit on a Gateway', stack + onGateway(limits('global', rule)), [`${C}:warning@spec.targetRefs[0]`]],
    [
      'global shared limit on a Gateway',
      stack +
        onGateway(
          limits(
            'global',
            '{clientSelectors: [{headers: [{name: x-user-id, type: Distinct}]}], limit: {requests: 5, unit: Second}, shared: true}',
          ),
        ),
      [],
    ],
    ['two routes', stack + route2 + btp(limits('local', rule), 'rl', two), [`${C}:warning@spec.targetRefs`]],
    ['circuit breaker only on a Gateway', stack + onGateway('circuitBreaker: {maxConnections: 10}'), []],
  ])('%s', (_n, yaml, expected) => {
    expect(findings(bucketPerRoute, yaml)).toEqual(expected);
  });
});
