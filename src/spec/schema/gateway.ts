import * as z from 'zod';
import { Hostname, Label, Port, Subdomain } from './names.js';

export const Listener = z
  .object({
    name: Label.optional().describe('Listener (section) name. Default: the protocol in lower case (http, https).'),
    protocol: z.enum(['HTTP', 'HTTPS']).describe('HTTP or HTTPS (HTTPS terminates TLS at the Gateway).'),
    port: Port.describe('Port the Gateway listens on. Default: 80 for HTTP, 443 for HTTPS.'),
    hostname: Hostname.optional().describe('Only requests for this host (or wildcard) reach this listener.'),
  })
  .strict();

export const Gateway = z
  .object({
    name: Label.optional().describe('Gateway name. Default: <app>-gateway.'),
    className: Subdomain.default('eg').describe('gatewayClassName. Default: eg (Envoy Gateway).'),
    listeners: z
      .array(Listener)
      .min(1)
      .max(64)
      .optional()
      .describe('Default: HTTP on 80, plus HTTPS on 443 when TLS is enabled.'),
    externalUrls: z
      .array(z.string().url())
      .default([])
      .describe(
        'Where clients reach the listeners from outside (e.g. http://localhost:8080, https://localhost:8443); used to map criteria URLs to listeners. Matched to listeners by scheme, in order.',
      ),
    redirectHttpToHttps: z
      .boolean()
      .default(false)
      .describe('Answer plain-HTTP requests with a 301 to HTTPS instead of routing them.'),
    envoyReplicas: z
      .number()
      .int()
      .min(1)
      .default(1)
      .describe('Envoy proxy replicas assumed for local rate limits and circuit breakers (both are per replica).'),
  })
  .strict();

export type Listener = z.infer<typeof Listener>;
export type GatewaySpec = z.infer<typeof Gateway>;
