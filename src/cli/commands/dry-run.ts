/** `traffic-engineer dry-run FILES…`: server-side dry-run of a stack; errors mapped to file, line and field. */
import * as z from 'zod';
import { formatDryRun } from '../../cluster/index.js';
import { ClusterTarget, clusterDryRun } from '../../core/cluster-api.js';
import { defineCommand, EXIT } from '../command.js';
import { formatDiagnosticLines } from '../diagnostics.js';
import { formatOption, STACK_FILES } from '../stack-args.js';

export const dryRunCommand = defineCommand({
  name: 'dry-run',
  summary: 'Server-side dry-run of manifests (or a spec): created / configured / unchanged, errors per file and field',
  positionals: [STACK_FILES],
  options: z.object({
    ...ClusterTarget.shape,
    format: formatOption(),
  }),
  examples: ['traffic-engineer dry-run out/', 'traffic-engineer dry-run stack.yaml --context kind-dev --format json'],
  async run(args, files, io) {
    const r = await clusterDryRun(
      { kubeconfig: args.kubeconfig, context: args.context, files },
      { readStdin: io.readStdin, env: io.env },
    );
    if (r.diagnostics.length) io.stderr(formatDiagnosticLines(r.diagnostics));
    if (r.inputError) return EXIT.usage;
    if (r.result)
      io.stdout(args.format === 'json' ? `${JSON.stringify(r.result, null, 2)}\n` : `${formatDryRun(r.result)}\n`);
    return r.ok ? EXIT.ok : EXIT.findings;
  },
});
