/** `traffic-engineer apply FILES… --yes`: dry-run, then ordered server-side apply with condition waits. */
import * as z from 'zod';
import { describeReadiness, formatPlan, formatProgress } from '../../cluster/index.js';
import { ClusterTarget, clusterApply } from '../../core/cluster-api.js';
import { defineCommand, EXIT } from '../command.js';
import { formatDiagnosticLines } from '../diagnostics.js';
import { formatOption, STACK_FILES } from '../stack-args.js';

export const applyCommand = defineCommand({
  name: 'apply',
  summary: 'Apply a stack in dependency order and wait for Programmed / Accepted / Ready (needs --yes; never deletes)',
  positionals: [STACK_FILES],
  options: z.object({
    ...ClusterTarget.shape,
    yes: z.boolean().default(false).describe('Confirm: without it, apply only prints what it would touch'),
    timeout: z.number().default(180).describe('Seconds to wait for all conditions'),
    format: formatOption('Output format of the final result'),
  }),
  short: { y: 'yes' },
  examples: [
    'traffic-engineer apply out/ --yes',
    'traffic-engineer apply spec.md --context kind-dev --yes --timeout 300',
  ],
  async run(args, files, io) {
    const lastWait = new Map<string, string>();
    const r = await clusterApply(
      {
        kubeconfig: args.kubeconfig,
        context: args.context,
        files,
        yes: args.yes,
        timeoutMs: Math.max(1, args.timeout) * 1000,
      },
      {
        readStdin: io.readStdin,
        env: io.env,
        onProgress: (e) => {
          if (e.type === 'plan') io.stderr(`${formatPlan(e.plan)}\n`);
          if (e.type === 'waiting') {
            // One line per object each time what it is waiting on changes, not one per poll.
            const key = `${e.ref.kind}/${e.ref.namespace}/${e.ref.name}`;
            const what = describeReadiness(e.readiness);
            if (e.readiness.state === 'pending' && lastWait.get(key) !== what)
              io.stderr(
                `waiting   ${e.ref.kind} ${e.ref.namespace ? `${e.ref.namespace}/` : ''}${e.ref.name}: ${what}\n`,
              );
            lastWait.set(key, what);
          }
          const line = formatProgress(e);
          if (line && e.type !== 'plan') io.stderr(`${line}\n`);
        },
      },
    );
    if (r.result?.refused) io.stderr(`${formatPlan(r.result.plan)}\n`);
    if (r.diagnostics.length) io.stderr(formatDiagnosticLines(r.diagnostics));
    if (r.inputError) return EXIT.usage;
    if (r.result?.refused) return EXIT.usage;
    if (args.format === 'json' && r.result) io.stdout(`${JSON.stringify(r.result, null, 2)}\n`);
    else if (r.result)
      io.stdout(
        r.ok
          ? `applied ${r.result.applied.length} object(s); all conditions met\n`
          : `apply stopped after ${r.result.applied.length} object(s)\n`,
      );
    return r.ok ? EXIT.ok : EXIT.findings;
  },
});
