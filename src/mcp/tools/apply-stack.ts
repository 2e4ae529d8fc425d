import * as z from 'zod';
import { clusterFailure, ref, StackArgs, stackSource } from '../cluster-common.js';
import { DiagnosticOut } from '../generate-common.js';
import { compactDiagnostics, defineTool, failure, result } from '../tool.js';

const Output = z.object({
  ok: z.boolean(),
  context: z.string(),
  dryRunOk: z.boolean().describe('The dry run that ran first passed'),
  applied: z.array(z.string()),
  ready: z.array(z.object({ resource: z.string(), state: z.string(), seconds: z.number() })),
  diagnostics: z.array(DiagnosticOut),
});

export default defineTool({
  name: 'apply_stack',
  title: 'Apply the stack',
  description:
    'Changes the cluster: dry-runs first, server-side applies in order, waits for readiness. Needs confirm: true.',
  input: z.object({
    ...StackArgs,
    confirm: z.boolean().default(false).describe('true only after the user approved'),
    timeoutSeconds: z.number().int().min(1).max(600).default(120),
  }),
  output: Output,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  enabled: (ctx) => ctx.allowApply,
  async run(args, ctx) {
    if (args.confirm !== true)
      return failure(
        'apply_stack changes the cluster: run dry_run, show the user what it would change, then call again with confirm: true.',
      );
    const src = stackSource(args, ctx);
    if (typeof src === 'string') return failure(`apply_stack: ${src}`);
    const { clusterApply } = await import('../../core/cluster-api.js');
    const o = await clusterApply(
      { ...src, kubeconfig: args.kubeconfig, context: args.context, yes: true, timeoutMs: args.timeoutSeconds * 1000 },
      { env: ctx.env },
    );
    if (!o.result) return clusterFailure('apply_stack', o);
    const r = o.result;
    const out = {
      ok: r.ok,
      context: r.plan.context,
      dryRunOk: r.dryRun?.ok ?? false,
      applied: r.applied.map(ref),
      ready: r.ready.map((x) => ({
        resource: ref(x.ref),
        state: x.readiness.state,
        seconds: Math.round(x.ms / 100) / 10,
      })),
      diagnostics: compactDiagnostics(o.diagnostics) as z.infer<typeof DiagnosticOut>[],
    };
    const head = !out.dryRunOk
      ? `apply_stack on ${out.context}: dry run rejected the stack; nothing applied`
      : `apply_stack on ${out.context}: ${out.applied.length} applied, ${out.ready.filter((x) => x.state === 'ready').length} ready${r.ok ? '' : ' — NOT all ready'}`;
    const errs = o.diagnostics.filter((d) => d.severity === 'error').map((d) => `error ${d.code}: ${d.message}`);
    return result(out, [head, ...errs.slice(0, 10)].join('\n'), !r.ok);
  },
});
