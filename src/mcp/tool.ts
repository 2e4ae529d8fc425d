/**
 * A tool of the MCP server: one file per tool under tools/, each a thin adapter over core/api.ts.
 * Modules only hold schemas and a handler; anything heavy is imported inside the handler.
 */
import type { CallToolResult, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type * as z from 'zod';
import type { Diagnostic } from '../model/diagnostic.js';

export interface ToolContext {
  /** Directory relative paths are resolved against (the server's working directory). */
  cwd: string;
  /** Started with --allow-apply: the destructive tools are registered. */
  allowApply: boolean;
  /** Environment for cluster access (KUBECONFIG); default process.env. */
  env: NodeJS.ProcessEnv;
}

export interface ToolDef<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  annotations: Required<Pick<ToolAnnotations, 'readOnlyHint' | 'destructiveHint' | 'idempotentHint' | 'openWorldHint'>>;
  /** Registered only when this returns true (default: always). */
  enabled?: (ctx: ToolContext) => boolean;
  /** How deep tools/list describes the input (deeper parts: their description, and te://schema/{part}). Default 1. */
  listDepth?: number;
  run(args: z.infer<I>, ctx: ToolContext): Promise<CallToolResult>;
}

export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(def: ToolDef<I, O>): ToolDef<I, O> {
  return def;
}

/** A successful result: structured content plus a short text for clients that only read text. */
export function result(structured: Record<string, unknown>, text: string, isError = false): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: structured, ...(isError ? { isError: true } : {}) };
}

/** A failure the agent can act on (no structured content: the output schema does not apply to errors). */
export function failure(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/** Diagnostics as they go to an agent: only the fields that are set. */
export function compactDiagnostics(diags: readonly Diagnostic[]): Record<string, unknown>[] {
  return diags.map((d) => {
    const r = d.resource ? `${d.resource.kind}/${d.resource.name ?? ''}` : undefined;
    const out: Record<string, unknown> = { code: d.code, severity: d.severity, message: d.message };
    if (r) out.resource = r;
    if (d.path) out.path = d.path;
    if (d.hint) out.hint = d.hint;
    if (d.file) out.at = `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}`;
    return out;
  });
}

/** One line per diagnostic, for the text summary (at most `max`). */
export function diagnosticLines(diags: readonly Diagnostic[], max = 10): string {
  const lines = diags.slice(0, max).map((d) => `${d.severity} ${d.code}${d.path ? ` at ${d.path}` : ''}: ${d.message}`);
  if (diags.length > max) lines.push(`… and ${diags.length - max} more (see structuredContent.diagnostics)`);
  return lines.join('\n');
}
