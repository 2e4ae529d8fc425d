import * as z from 'zod';

/**
 * Structured success-criterion checks, parsed from the validation commands of a markdown spec
 * (or written directly in a YAML spec). A command that cannot be parsed is kept as `manual`.
 */

const Headers = z.record(z.string(), z.string()).default({}).describe('Request headers, name → value');
const Raw = z.string().optional().describe('The command this check was parsed from, verbatim');

export const HttpCheck = z
  .object({
    kind: z.literal('http'),
    method: z.string().default('GET'),
    url: z.string().describe('Absolute URL, e.g. http://localhost:8080/api/tasks'),
    headers: Headers,
    insecure: z.boolean().default(false).describe('curl -k: do not verify the TLS certificate'),
    expect: z.object({ status: z.number().int().min(100).max(599) }),
    raw: Raw,
  })
  .strict();

/** A JSON field of the response body, e.g. `curl … | jq .version` → `"v1"`. */
export const JsonCheck = z
  .object({
    kind: z.literal('json'),
    method: z.string().default('GET'),
    url: z.string(),
    headers: Headers,
    insecure: z.boolean().default(false),
    field: z.string().describe('jq-style path, e.g. .version or .data.items[0].id'),
    expect: z.object({ value: z.unknown().describe('Expected JSON value (string, number, boolean, null)') }),
    raw: Raw,
  })
  .strict();

/** N requests in a row from one identity; counts of each status compared with the expectation. */
export const BurstCheck = z
  .object({
    kind: z.literal('burst'),
    method: z.string().default('GET'),
    url: z.string(),
    headers: Headers,
    insecure: z.boolean().default(false),
    count: z.number().int().min(1).max(100_000),
    /** Expected number of responses per status code; statuses not listed are not constrained. */
    expect: z.object({ counts: z.record(z.string().regex(/^\d{3}$/), z.number().int().min(0)) }),
    raw: Raw,
  })
  .strict();

/** A Kubernetes object's state: printer columns (`kubectl get KIND NAME`) or a field (`-o yaml | grep field`). */
export const ResourceCheck = z
  .object({
    kind: z.literal('resource'),
    resource: z.object({ kind: z.string(), name: z.string(), namespace: z.string().optional() }),
    expect: z.object({
      columns: z.record(z.string(), z.string()).optional().describe('Printer column → expected value, e.g. READY=True'),
      fields: z
        .array(z.object({ field: z.string(), value: z.string() }))
        .optional()
        .describe('YAML field name → expected value, e.g. maxConnections: 50'),
    }),
    raw: Raw,
  })
  .strict();

/** `kubectl apply --dry-run=client|server -f FILE`: the generated stack must be accepted. */
export const DryRunCheck = z
  .object({
    kind: z.literal('dry-run'),
    mode: z.enum(['client', 'server']).default('server'),
    files: z.array(z.string()).default([]),
    raw: Raw,
  })
  .strict();

/** A command we could not parse, kept verbatim so that nothing is silently dropped. */
export const ManualCheck = z
  .object({
    kind: z.literal('manual'),
    command: z.string(),
    expected: z.string().optional(),
    reason: z.string().optional().describe('Why it could not be parsed'),
  })
  .strict();

export const Check = z.discriminatedUnion('kind', [
  HttpCheck,
  JsonCheck,
  BurstCheck,
  ResourceCheck,
  DryRunCheck,
  ManualCheck,
]);

export const Criterion = z
  .object({
    id: z.string().regex(/^[A-Z]+-\d+$/, 'criterion ids look like SC-001'),
    title: z.string().default(''),
    description: z.string().optional(),
    checks: z.array(Check).default([]),
  })
  .strict();

export type HttpCheck = z.infer<typeof HttpCheck>;
export type JsonCheck = z.infer<typeof JsonCheck>;
export type BurstCheck = z.infer<typeof BurstCheck>;
export type ResourceCheck = z.infer<typeof ResourceCheck>;
export type DryRunCheck = z.infer<typeof DryRunCheck>;
export type ManualCheck = z.infer<typeof ManualCheck>;
export type Check = z.infer<typeof Check>;
export type Criterion = z.infer<typeof Criterion>;
