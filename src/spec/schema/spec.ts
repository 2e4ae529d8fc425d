import * as z from 'zod';
import { Criterion } from '../checks.js';
import { Autoscaling } from './autoscaling.js';
import { Gateway } from './gateway.js';
import { Label, Port } from './names.js';
import { RateLimit } from './ratelimit.js';
import { CircuitBreaker, Retry, Timeouts } from './resilience.js';
import { Route } from './routes.js';
import { Tls } from './tls.js';

export const Service = z
  .object({
    name: Label.describe('Kubernetes Service name (must already exist or be deployed with the app).'),
    port: Port.describe('Service port the routes send traffic to.'),
  })
  .strict();

/**
 * TrafficSpec: the single source of truth for the spec format, the TypeScript type,
 * the MCP tools' input schemas and the CLI's options. Every field has a documented default.
 */
export const TrafficSpec = z
  .object({
    apiVersion: z.literal('traffic-engineer/v1alpha1').default('traffic-engineer/v1alpha1'),
    app: Label.describe('Application name; the default prefix of every generated name.'),
    namespace: Label.describe('Namespace of the app, its Gateway and policies.'),
    createNamespace: z.boolean().default(true).describe('Emit the Namespace object.'),
    services: z
      .array(Service)
      .min(1)
      .max(1000)
      .describe('The Services traffic is routed to. The first one is the default backend.'),
    gateway: Gateway.default({ className: 'eg', externalUrls: [], redirectHttpToHttps: false, envoyReplicas: 1 }),
    tls: Tls.optional().describe('HTTPS termination. Omit for HTTP only.'),
    routes: z
      .array(Route)
      .max(100)
      .default([])
      .describe('HTTPRoutes. Default: one route sending / to the first Service.'),
    policyName: Label.optional().describe('BackendTrafficPolicy name. Default: <app>-protection.'),
    rateLimit: RateLimit.optional(),
    circuitBreaker: CircuitBreaker.optional(),
    retry: Retry.optional(),
    timeouts: Timeouts.optional(),
    autoscaling: Autoscaling.optional(),
    criteria: z.array(Criterion).default([]).describe('Success criteria SC-001…, each with its checks.'),
  })
  .strict()
  .superRefine((spec, ctx) => {
    const names = new Set(spec.services.map((s) => s.name));
    if (names.size !== spec.services.length)
      ctx.addIssue({ code: 'custom', path: ['services'], message: 'service names must be unique' });
    for (const [ri, r] of spec.routes.entries())
      for (const [i, rule] of r.rules.entries()) {
        const backends = rule.backend ? [rule.backend] : rule.backends.map((b) => b.name);
        for (const b of backends) {
          if (!names.has(b))
            ctx.addIssue({
              code: 'custom',
              path: ['routes', ri, 'rules', i, rule.backend ? 'backend' : 'backends'],
              message: `backend "${b}" is not one of services (${[...names].join(', ')})`,
            });
        }
      }
    if (spec.gateway.redirectHttpToHttps && !spec.tls)
      ctx.addIssue({
        code: 'custom',
        path: ['gateway', 'redirectHttpToHttps'],
        message: 'a redirect to HTTPS needs tls',
      });
    if (spec.tls?.mode === 'cert-manager' && !spec.tls.issuerRef && !spec.tls.createSelfSignedIssuer)
      ctx.addIssue({
        code: 'custom',
        path: ['tls', 'issuerRef'],
        message: 'tls.mode cert-manager needs issuerRef (or createSelfSignedIssuer: true)',
      });
    const listeners = spec.gateway.listeners ?? [];
    if (listeners.some((l) => l.protocol === 'HTTPS') && !spec.tls)
      ctx.addIssue({ code: 'custom', path: ['gateway', 'listeners'], message: 'an HTTPS listener needs tls' });
  });

export type TrafficSpecInput = z.input<typeof TrafficSpec>;
export type TrafficSpec = z.infer<typeof TrafficSpec>;
export type ServiceSpec = z.infer<typeof Service>;
