import * as z from 'zod';
import { Duration, HeaderName, Hostname, Label, Port, Subdomain } from './names.js';

export const PathMatch = z.union([
  z.string().startsWith('/').max(1024).describe('Shorthand for {type: PathPrefix, value}'),
  z
    .object({
      type: z.enum(['PathPrefix', 'Exact', 'RegularExpression']).default('PathPrefix'),
      value: z.string().min(1).max(1024),
    })
    .strict(),
]);

const ValueMatch = z
  .object({
    name: z.string().min(1).max(256),
    type: z.enum(['Exact', 'RegularExpression']).default('Exact'),
    value: z.string().max(4096),
  })
  .strict();

export const RouteMatch = z
  .object({
    path: PathMatch.optional().describe('Default: PathPrefix /'),
    method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']).optional(),
    headers: z
      .array(ValueMatch.extend({ name: HeaderName }))
      .max(16)
      .default([]),
    queryParams: z.array(ValueMatch).max(16).default([]),
  })
  .strict();

export const BackendRef = z
  .object({
    name: Subdomain.describe('Service name'),
    port: Port.optional().describe("Default: the Service's port from `services`"),
    weight: z.number().int().min(0).max(1_000_000).optional().describe('Relative weight for traffic splits'),
  })
  .strict();

export const RouteRule = z
  .object({
    name: Label.optional().describe('Rule name (sectionName for policies)'),
    matches: z.array(RouteMatch).max(64).default([]).describe('Any match selects the rule. Default: all paths.'),
    path: PathMatch.optional().describe('Shorthand for matches: [{path}]'),
    backend: Subdomain.optional().describe('Shorthand for backends: [{name}]'),
    backends: z.array(BackendRef).max(16).default([]),
    timeouts: z
      .object({ request: Duration.optional(), backendRequest: Duration.optional() })
      .strict()
      .optional()
      .describe('Gateway API HTTPRoute rule timeouts'),
  })
  .strict()
  .refine((r) => !(r.path && r.matches.length > 0), { message: 'give either path or matches, not both' })
  .refine((r) => !(r.backend && r.backends.length > 0), { message: 'give either backend or backends, not both' })
  .refine((r) => r.backend !== undefined || r.backends.length > 0, {
    message: 'a rule needs a backend (or backends)',
  });

export const Route = z
  .object({
    name: Label.optional().describe('HTTPRoute name. Default: <app>-route (then <app>-route-2, …).'),
    hostnames: z.array(Hostname).max(16).default([]),
    listeners: z
      .array(Label)
      .default([])
      .describe('Listener names (sectionName) to attach to. Default: every listener of the Gateway.'),
    rules: z.array(RouteRule).min(1).max(64),
  })
  .strict();

export type PathMatch = z.infer<typeof PathMatch>;
export type RouteMatch = z.infer<typeof RouteMatch>;
export type RouteRule = z.infer<typeof RouteRule>;
export type RouteSpec = z.infer<typeof Route>;
