/** `traffic-engineer diff FILES…`: live vs desired for the fields the stack sets. Exit 1 when something differs. */
import * as z from 'zod';
import { formatDiff } from '../../cluster/index.js';
import { ClusterTarget, clusterDiff } from '../../core/cluster-api.js';
import { defineCommand, EXIT } from '../command.js';
import { formatDiagnosticLines } from '../diagnostics.js';
import { formatOption, STACK_FILES } from '../stack-args.js';

export const diffCommand = defineCommand({
  name: 'diff',
  summary: 'Show how the live objects differ from the stack (fields the stack sets; Secret values hashed)',
  positionals: [STACK_FILES],
  options: z.object({
    ...ClusterTarget.shape,
    format: formatOption(),
  }),
  examples: ['traffic-engineer diff out/', 'traffic-engineer diff spec.md --context kind-dev'],
  async run(args, files, io) {
    const r = await clusterDiff(
      { kubeconfig: args.kubeconfig, context: args.context, files },
      { readStdin: io.readStdin, env: io.env },
    );
    if (r.diagnostics.length) io.stderr(formatDiagnosticLines(r.diagnostics));
    if (r.inputError) return EXIT.usage;
    if (!r.result) return EXIT.findings;
    io.stdout(args.format === 'json' ? `${JSON.stringify(r.result, null, 2)}\n` : `${formatDiff(r.result)}\n`);
    return r.result.changed > 0 ? EXIT.findings : EXIT.ok;
  },
});
