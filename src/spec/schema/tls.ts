import * as z from 'zod';
import { Hostname, Subdomain } from './names.js';

export const Tls = z
  .object({
    mode: z
      .enum(['self-signed', 'secret', 'cert-manager'])
      .default('self-signed')
      .describe(
        'self-signed: generate a certificate and Secret in-process (local clusters); secret: use an existing kubernetes.io/tls Secret; cert-manager: emit a Certificate from an issuer.',
      ),
    secretName: Subdomain.optional().describe('TLS Secret name. Default: <app>-tls.'),
    hosts: z
      .array(z.union([Hostname, z.ipv4(), z.ipv6()]))
      .default(['localhost'])
      .describe('Names the certificate covers. Self-signed certs also always cover localhost and 127.0.0.1.'),
    validityDays: z
      .number()
      .int()
      .min(1)
      .max(825)
      .default(365)
      .describe('Validity of a self-signed certificate, in days.'),
    issuerRef: z
      .object({
        name: Subdomain,
        kind: z.enum(['Issuer', 'ClusterIssuer']).default('ClusterIssuer'),
        group: z.string().default('cert-manager.io'),
      })
      .strict()
      .optional()
      .describe('cert-manager issuer (mode cert-manager).'),
    createSelfSignedIssuer: z
      .boolean()
      .default(false)
      .describe('mode cert-manager: also emit a namespaced self-signed Issuer named <app>-selfsigned.'),
  })
  .strict();

export type TlsSpec = z.infer<typeof Tls>;
