import { describe, expect, it } from 'vitest';
import { localLimitReplicas } from '../../../../src/validate/rules/index.js';
import { findings } from '../helpers.js';
import { btp, hdr, limits } from './btp.js';

const C = 'lint/local-limit-replicas';
const local = btp(limits('local', hdr('{name: x-user-id, type: Distinct}', '{requests: 100, unit: Minute}')));
const global = btp(limits('global', hdr('{name: x-user-id, type: Distinct}')));
const envoyProxy = (provider: string) => `---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: EnvoyProxy
metadata: {name: proxy, namespace: infra}
spec: {provider: {type: Kubernetes, kubernetes: ${provider}}}
`;

describe(C, () => {
  it.each([
    ['replicas unknown', local, {}, []],
    ['one replica', local, { envoyReplicas: 1 }, []],
    ['three replicas (option)', local, { envoyReplicas: 3 }, [`${C}:warning@spec.rateLimit.local`]],
    ['global limits are shared', global, { envoyReplicas: 3 }, []],
    [
      'EnvoyProxy with 2 replicas',
      local + envoyProxy('{envoyDeployment: {replicas: 2}}'),
      {},
      [`${C}:warning@spec.rateLimit.local`],
    ],
    [
      'EnvoyProxy with an HPA',
      local + envoyProxy('{envoyHpa: {minReplicas: 1, maxReplicas: 5}}'),
      {},
      [`${C}:warning@spec.rateLimit.local`],
    ],
    ['EnvoyProxy with 1 replica', local + envoyProxy('{envoyDeployment: {replicas: 1}}'), {}, []],
  ])('%s', (_n, yaml, opts, expected) => {
    expect(findings(localLimitReplicas, yaml, opts)).toEqual(expected);
  });
});
