/**
 * The input schemas of the one API: each is the single source of the TypeScript type, the CLI's flags and
 * the MCP tools' arguments. This module imports nothing but zod and the spec schemas, so the MCP server can
 * build its tool list without loading the rest of core.
 */
import * as z from 'zod';
import { simRequestSchema } from '../simulate/route/requests-file.js';
import { TrafficSpec } from '../spec/schema/spec.js';

/** Input of `generate`, shared by the CLI and the MCP tools. */
export const GenerateInput = z.object({
  spec: TrafficSpec.optional().describe('The TrafficSpec object (give this or specPath).'),
  specPath: z.string().optional().describe('Path of a YAML or markdown traffic spec (give this or spec).'),
  templatesDir: z
    .string()
    .optional()
    .describe('Directory whose <name>.yaml.njk files override the built-in templates.'),
  crds: z
    .array(z.string())
    .default([])
    .describe('CRD files/directories to validate the output against; default: the `crds pull` cache, if any'),
});

export type GenerateInput = z.input<typeof GenerateInput>;

/** Input of `validate`, shared by the CLI and the MCP tool. */
export const ValidateInput = z.object({
  paths: z.array(z.string()).default([]).describe('Manifest files or directories (- for stdin)'),
  yaml: z
    .string()
    .max(16 * 1024 * 1024)
    .optional()
    .describe('Manifests as multi-document YAML text'),
  crds: z
    .array(z.string())
    .default([])
    .describe('CRD files or directories, or "cluster"; default: the cache filled by `crds pull`, if any'),
  envoyReplicas: z.number().int().min(1).optional().describe('Envoy replicas assumed by per-replica lints'),
  disable: z.array(z.string()).default([]).describe('Diagnostic codes to skip'),
  kubeconfig: z.string().optional().describe('Kubeconfig: also resolve references against the cluster'),
  context: z.string().optional().describe('Kubeconfig context: also resolve references against the cluster'),
});

export type ValidateInput = z.input<typeof ValidateInput>;

export const CheckInput = z.object({
  spec: TrafficSpec.optional().describe('The TrafficSpec object (give this or specPath).'),
  specPath: z.string().optional().describe('Path of a YAML or markdown traffic spec (give this or spec).'),
  configPaths: z
    .array(z.string())
    .optional()
    .describe('Check these manifests (YAML files, - for stdin) instead of the stack generated from the spec.'),
  envoyReplicas: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe("Envoy replicas assumed for local limits (default: the spec's gateway.envoyReplicas, else 1)."),
  crds: z
    .array(z.string())
    .default([])
    .describe('CRDs for the schema + CEL check that stands in for a dry run (default: the `crds pull` cache, if any).'),
  rateLimitService: z
    .boolean()
    .optional()
    .describe('Whether the EnvoyGateway config enables the rate-limit service needed by global limits (default true).'),
});

export type CheckInput = z.input<typeof CheckInput>;

export const UrlRequest = z.object({
  url: z.string().url(),
  method: z.string().default('GET'),
  headers: z.record(z.string(), z.string()).default({}),
});

export const SimulateInput = z.object({
  specPath: z
    .string()
    .optional()
    .describe("Spec whose generated stack to simulate (URLs map via the spec's gateway.externalUrls)"),
  configPaths: z.array(z.string()).default([]).describe('Or manifest files / directories'),
  requests: z
    .array(z.union([UrlRequest, simRequestSchema]))
    .max(100_000)
    .describe('[{url, method?, headers?}] or conformance-style [{gateway?, port, scheme, host?, path, headers?, …}]'),
});

export type SimulateInput = z.input<typeof SimulateInput>;

/** Input of `verify`, shared by the CLI and the MCP tool. */
export const VerifyInput = z.object({
  origin: z
    .array(z.string())
    .default([])
    .describe(
      'FROM=TO: send requests for origin FROM to TO (Host and SNI stay FROM), e.g. http://localhost:8080=http://127.0.0.1:18080',
    ),
  context: z
    .string()
    .optional()
    .describe('Kubeconfig context for resource and dry-run checks (without it they are skipped)'),
  kubeconfig: z.string().optional().describe('Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'),
  namespace: z
    .string()
    .optional()
    .describe('Namespace for resource checks that name none (default: the spec’s namespace)'),
  concurrency: z
    .number()
    .int()
    .min(1)
    .max(64)
    .default(1)
    .describe('Requests in flight per burst (1 = one after another, like a curl loop)'),
  timeout: z.number().int().min(100).max(120_000).default(5000).describe('Per-request timeout in ms'),
  portForward: z
    .boolean()
    .default(false)
    .describe(
      'Reach local criterion origins (localhost:8080, :8443) through a port-forward to the Gateway’s Envoy pods',
    ),
  waitFresh: z
    .number()
    .min(0)
    .max(600)
    .default(0)
    .describe(
      'If a rate-limit bucket was drained by an earlier run, wait for it once (up to this many seconds) and retry',
    ),
});

export type VerifyInput = z.input<typeof VerifyInput>;

/** Which cluster: shared by every cluster command and tool. */
export const ClusterTarget = z.object({
  kubeconfig: z.string().optional().describe('Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'),
  context: z.string().optional().describe('Kubeconfig context (default: its current-context)'),
});

export type ClusterTarget = z.infer<typeof ClusterTarget>;
