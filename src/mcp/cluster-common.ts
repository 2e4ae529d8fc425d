/**
 * What the cluster tools share: which stack (a spec or manifest files) and which cluster (kubeconfig,
 * context), relative paths resolved against the server's directory, and failures as actionable text.
 */
import { resolve } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import type { ClusterOutcome, StackSource } from '../core/cluster-api.js';
import type { Diagnostic, ResourceRef } from '../model/diagnostic.js';
import { ContextArg, KubeconfigArg, SpecPathArg } from './inputs.js';
import { failure, type ToolContext } from './tool.js';

/** The stack (a spec, or manifest files) and the cluster (core's ClusterTarget fields). */
export const StackArgs = {
  specPath: SpecPathArg.describe('Spec file'),
  files: z.array(z.string()).optional(),
  kubeconfig: KubeconfigArg,
  context: ContextArg.describe('Kube context'),
};

export function stackSource(args: { specPath?: string; files?: string[] }, ctx: ToolContext): StackSource | string {
  if (args.specPath) return { specPath: resolve(ctx.cwd, args.specPath) };
  if (args.files?.length) return { files: args.files.map((f) => resolve(ctx.cwd, f)) };
  return 'give specPath (a traffic spec) or files (manifests)';
}

export const ref = (r: ResourceRef) => `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name ?? ''}`;

/** A failed cluster call as an isError result: the first error's message and hint, then the rest. */
export function clusterFailure(tool: string, outcome: ClusterOutcome<unknown>): CallToolResult {
  const errors = outcome.diagnostics.filter((d: Diagnostic) => d.severity === 'error');
  const lines = (errors.length ? errors : outcome.diagnostics)
    .slice(0, 8)
    .map((d) => `${d.code}: ${d.message}${d.hint ? ` (${d.hint})` : ''}`);
  const what = outcome.inputError ? 'could not read the stack' : 'cluster call failed';
  return failure(`${tool}: ${what}\n${lines.join('\n')}`);
}
