import * as z from 'zod';
import { clusterFailure, ref, StackArgs, stackSource } from '../cluster-common.js';
import { DiagnosticOut } from '../generate-common.js';
import { compactDiagnostics, defineTool, failure, result } from '../tool.js';

const Output = z.object({
  ok: z.boolean(),
  context: z.string(),
  server: z.string(),
  objects: z.array(
    z.object({ resource: z.string(), action: z.enum(['created', 'configured', 'unchanged', 'failed', 'skipped']) }),
  ),
  diagnostics: z.array(DiagnosticOut),
});

export default defineTool({
  name: 'dry_run',
  title: 'Server-side dry run',
  description: 'Server-side dry run on the cluster (admission, schemas, webhooks); nothing persisted.',
  input: z.object(StackArgs),
  output: Output,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, ctx) {
    const src = stackSource(args, ctx);
    if (typeof src === 'string') return failure(`dry_run: ${src}`);
    const { clusterDryRun } = await import('../../core/cluster-api.js');
    const o = await clusterDryRun({ ...src, kubeconfig: args.kubeconfig, context: args.context }, { env: ctx.env });
    if (!o.result) return clusterFailure('dry_run', o);
    const r = o.result;
    const out = {
      ok: r.ok,
      context: r.context,
      server: r.server,
      objects: r.objects.map((x) => ({ resource: ref(x.ref), action: x.action })),
      diagnostics: compactDiagnostics(o.diagnostics) as z.infer<typeof DiagnosticOut>[],
    };
    const lines = out.objects.map((x) => `${x.action.padEnd(10)} ${x.resource}`);
    const errs = o.diagnostics.filter((d) => d.severity === 'error').map((d) => `error ${d.code}: ${d.message}`);
    const head = `dry_run on ${r.context}: ${r.ok ? 'accepted' : 'REJECTED'} (${out.objects.length} objects)`;
    return result(out, [head, ...lines, ...errs.slice(0, 10)].join('\n'), !r.ok);
  },
});
