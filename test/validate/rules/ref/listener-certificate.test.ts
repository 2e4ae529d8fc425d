import { beforeAll, describe, expect, it } from 'vitest';
import { listenerCertificate } from '../../../../src/validate/rules/index.js';
import { makeCert, tlsSecret } from '../certs.js';
import { findings } from '../helpers.js';

const C = 'ref/listener-certificate';
const NOW = new Date('2026-06-01T00:00:00Z');
const gw = (hostname: string, ref: string, annotations = '') => `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: eg, namespace: infra${annotations}}
spec:
  gatewayClassName: eg
  listeners:
    - name: https
      protocol: HTTPS
      port: 443
      hostname: ${hostname}
      tls: {mode: Terminate, certificateRefs: [${ref}]}
`;
const grant = `---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: allow-gw, namespace: certs}
spec:
  from: [{group: gateway.networking.k8s.io, kind: Gateway, namespace: infra}]
  to: [{group: "", kind: Secret}]
`;
const certificate = (dns: string) => `---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata: {name: api, namespace: infra}
spec: {secretName: api-cert, dnsNames: [${dns}], issuerRef: {name: ca, kind: ClusterIssuer}}
`;

let good = '';
let wildcard = '';
let expired = '';
beforeAll(async () => {
  const valid = { notBefore: new Date('2026-01-01Z'), notAfter: new Date('2027-01-01Z') };
  good = await makeCert({ cn: 'api.example.com', dns: ['api.example.com'], ...valid });
  wildcard = await makeCert({ cn: 'x', dns: ['*.example.com'], ...valid });
  expired = await makeCert({
    cn: 'api.example.com',
    dns: ['api.example.com'],
    notBefore: new Date('2025-01-01Z'),
    notAfter: new Date('2026-01-01Z'),
  });
});

describe(C, () => {
  const ref = '{name: api-cert}';
  const cases: [string, () => string, string[]][] = [
    ['matching, valid certificate', () => gw('api.example.com', ref) + tlsSecret('infra', 'api-cert', good), []],
    [
      'wildcard certificate covers one label',
      () => gw('api.example.com', ref) + tlsSecret('infra', 'api-cert', wildcard),
      [],
    ],
    [
      'wildcard certificate does not cover two labels',
      () => gw('a.b.example.com', ref) + tlsSecret('infra', 'api-cert', wildcard),
      [`${C}:error@spec.listeners[0].tls.certificateRefs[0].name`],
    ],
    [
      'hostname not covered',
      () => gw('other.example.com', ref) + tlsSecret('infra', 'api-cert', good),
      [`${C}:error@spec.listeners[0].tls.certificateRefs[0].name`],
    ],
    [
      'expired certificate',
      () => gw('api.example.com', ref) + tlsSecret('infra', 'api-cert', expired),
      [`${C}:error@spec.listeners[0].tls.certificateRefs[0].name`],
    ],
    [
      'Secret of the wrong type',
      () => gw('api.example.com', ref) + tlsSecret('infra', 'api-cert', good, 'Opaque'),
      [`${C}:error@spec.listeners[0].tls.certificateRefs[0].name`],
    ],
    [
      'garbage tls.crt',
      () =>
        gw('api.example.com', ref) +
        tlsSecret('infra', 'api-cert', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'),
      [`${C}:error@spec.listeners[0].tls.certificateRefs[0].name`],
    ],
    [
      'missing Secret offline is a warning',
      () => gw('api.example.com', ref),
      [`${C}:warning@spec.listeners[0].tls.certificateRefs[0].name`],
    ],
    [
      'wrong kind',
      () => gw('api.example.com', '{kind: ConfigMap, name: api-cert}'),
      [`${C}:error@spec.listeners[0].tls.certificateRefs[0].kind`],
    ],
    [
      'cross-namespace with a grant',
      () => gw('api.example.com', '{name: api-cert, namespace: certs}') + grant + tlsSecret('certs', 'api-cert', good),
      [],
    ],
    [
      'cross-namespace without a grant',
      () => gw('api.example.com', '{name: api-cert, namespace: certs}') + tlsSecret('certs', 'api-cert', good),
      [`${C}:warning@spec.listeners[0].tls.certificateRefs[0].namespace`],
    ],
    [
      'Secret issued by a cert-manager Certificate covering the host',
      () => gw('api.example.com', ref) + certificate('api.example.com'),
      [],
    ],
    [
      'cert-manager Certificate not covering the host',
      () => gw('api.example.com', ref) + certificate('www.example.com'),
      [`${C}:error@spec.listeners[0].tls.certificateRefs[0].name`],
    ],
    [
      'Gateway annotated for cert-manager gateway-shim',
      () => gw('api.example.com', ref, ', annotations: {cert-manager.io/cluster-issuer: ca}'),
      [],
    ],
  ];
  it.each(cases)('%s', (_name, yaml, expected) => {
    expect(findings(listenerCertificate, yaml(), { now: NOW })).toEqual(expected);
  });

  it('a missing Secret is an error when connected', () => {
    expect(findings(listenerCertificate, gw('api.example.com', ref), { now: NOW, clusterObjects: [] })).toEqual([
      `${C}:error@spec.listeners[0].tls.certificateRefs[0].name`,
    ]);
  });
});
