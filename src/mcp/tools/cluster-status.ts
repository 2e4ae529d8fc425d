import * as z from 'zod';
import { clusterFailure, ref, StackArgs, stackSource } from '../cluster-common.js';
import { defineTool, failure, result } from '../tool.js';

const Output = z.object({
  ok: z.boolean().describe('Every object found and none failed'),
  context: z.string(),
  objects: z.array(
    z.object({
      resource: z.string(),
      found: z.boolean(),
      state: z.enum(['ready', 'pending', 'failed']).optional(),
      condition: z.string().optional(),
      reason: z.string().optional(),
      message: z.string().optional(),
      warnings: z.array(z.string()).optional(),
    }),
  ),
});

export default defineTool({
  name: 'cluster_status',
  title: 'Live status of the stack',
  description: 'Live conditions of the stack: Programmed, Accepted, Ready, with reasons.',
  input: z.object(StackArgs),
  output: Output,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, ctx) {
    const src = stackSource(args, ctx);
    if (typeof src === 'string') return failure(`cluster_status: ${src}`);
    const { clusterStatus } = await import('../../core/cluster-api.js');
    const o = await clusterStatus({ ...src, kubeconfig: args.kubeconfig, context: args.context }, { env: ctx.env });
    if (!o.result) return clusterFailure('cluster_status', o);
    const objects = o.result.objects.map((x) => {
      const r = x.readiness;
      return {
        resource: ref(x.ref),
        found: x.found,
        ...(r ? { state: r.state, condition: r.condition, reason: r.reason, message: r.message?.slice(0, 300) } : {}),
        ...(r?.warnings.length ? { warnings: r.warnings } : {}),
      };
    });
    const lines = objects.map(
      (x) =>
        `${(x.found ? (x.state ?? 'found') : 'missing').padEnd(8)} ${x.resource}${x.reason ? ` (${x.condition ?? ''} ${x.reason})` : ''}`,
    );
    return result(
      { ok: o.ok, context: o.result.context, objects },
      [`cluster_status on ${o.result.context}:`, ...lines].join('\n'),
    );
  },
});
