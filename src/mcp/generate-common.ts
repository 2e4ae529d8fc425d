/**
 * What every generate_* tool shares: run core `generate` on a spec (whole, or built around one part),
 * keep the kinds the tool is about, redact Secret key material, and answer with YAML text, the resource
 * list and compact diagnostics.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import type { GenerateInput } from '../core/api.js';
import { Label } from '../spec/schema/index.js';
import { compactDiagnostics, diagnosticLines, result } from './tool.js';

export const DiagnosticOut = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  resource: z.string().optional(),
  path: z.string().optional(),
  hint: z.string().optional(),
  at: z.string().optional(),
});

export const GenerateOutput = z.object({
  ok: z.boolean().describe('No error diagnostics'),
  yaml: z.string().describe('The manifests as one multi-document YAML text, in apply order; Secret data redacted'),
  resources: z.array(z.string()).describe('"Kind namespace/name", in apply order'),
  diagnostics: z.array(DiagnosticOut),
  written: z
    .object({ dir: z.string(), files: z.array(z.string()) })
    .optional()
    .describe('Set when outputDir was given'),
});
export type GenerateOutput = z.infer<typeof GenerateOutput>;
/** The single-part tools never write files. */
export const PartOutput = GenerateOutput.omit({ written: true });

/** The fields every single-part tool takes besides its part. */
export const AppFields = {
  app: Label,
  namespace: Label,
};

/** Largest YAML echoed in the text block; beyond it the text is a summary and the YAML is only structured. */
const TEXT_YAML_LIMIT = 8 * 1024;

export interface RunOptions {
  /** Keep only these kinds (default: all). */
  kinds?: readonly string[];
  /** Relative specPath/templatesDir resolve against this. */
  cwd: string;
}

/** Runs generate and shapes the answer. `write` (outputDir) is handled by the caller through `written`. */
export async function runGenerate(
  input: GenerateInput,
  opts: RunOptions,
): Promise<{ out: GenerateOutput; manifests: import('../model/manifest.js').Manifest[] }> {
  const { generate } = await import('../core/api.js');
  const { redactSecrets, toYamlStream, summarize } = await import('../render/output.js');
  const { resolve } = await import('node:path');
  const r = await generate({
    ...input,
    ...(input.specPath ? { specPath: resolve(opts.cwd, input.specPath) } : {}),
    ...(input.templatesDir ? { templatesDir: resolve(opts.cwd, input.templatesDir) } : {}),
  });
  const manifests = opts.kinds ? r.manifests.filter((m) => opts.kinds?.includes(m.kind)) : r.manifests;
  const shown = redactSecrets(manifests);
  return {
    manifests,
    out: {
      ok: r.ok,
      yaml: shown.length ? toYamlStream(shown) : '',
      resources: summarize(shown),
      diagnostics: compactDiagnostics(r.diagnostics) as GenerateOutput['diagnostics'],
    },
  };
}

/** The tool result: structured output plus a summary text (with the YAML when it is small). */
export function generateResult(out: GenerateOutput, what: string): CallToolResult {
  const errors = out.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = out.diagnostics.filter((d) => d.severity === 'warning').length;
  const head = out.ok
    ? `${what}: ${out.resources.length} resource(s)${out.resources.length ? ` (${out.resources.join(', ')})` : ''}; ${warnings} warning(s)`
    : `${what}: ${errors} error(s), nothing generated`;
  const parts = [head];
  if (out.diagnostics.length) parts.push(diagnosticLines(out.diagnostics as never));
  if (out.written) parts.push(`wrote ${out.written.files.length} files to ${out.written.dir}`);
  if (out.yaml && out.yaml.length <= TEXT_YAML_LIMIT) parts.push(out.yaml);
  else if (out.yaml) parts.push(`(${out.yaml.length} bytes of YAML in structuredContent.yaml)`);
  return result(out as unknown as Record<string, unknown>, parts.join('\n'), !out.ok);
}

/** A TrafficSpec built around one part: the app's own Service stands in as backend; no Namespace object. */
export function partSpec(
  app: string,
  namespace: string,
  rest: Record<string, unknown>,
  routeName?: string,
): Record<string, unknown> {
  return {
    app,
    namespace,
    createNamespace: false,
    services: [{ name: app, port: 80 }],
    ...(routeName ? { routes: [{ name: routeName, rules: [{ backend: app }] }] } : {}),
    ...rest,
  };
}

export const READ_ONLY = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
} as const;
