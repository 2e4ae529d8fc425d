/** `traffic-engineer status SPEC|FILES…`: every object's live conditions as a table. */
import * as z from 'zod';
import { formatStatus } from '../../cluster/index.js';
import { ClusterTarget, clusterStatus } from '../../core/cluster-api.js';
import { defineCommand, EXIT } from '../command.js';
import { formatDiagnosticLines } from '../diagnostics.js';
import { formatOption } from '../stack-args.js';

export const statusCommand = defineCommand({
  name: 'status',
  summary: 'Live conditions: Gateway listeners, route parents, policy ancestors (Conflicted), ScaledObject and HPA',
  positionals: [
    { name: 'input', description: 'A traffic spec, or manifest files/directories', required: true, variadic: true },
  ],
  options: z.object({
    ...ClusterTarget.shape,
    format: formatOption(),
  }),
  examples: ['traffic-engineer status examples/task-api/traffic-spec.md', 'traffic-engineer status out/ --format json'],
  async run(args, files, io) {
    const r = await clusterStatus(
      { kubeconfig: args.kubeconfig, context: args.context, files },
      { readStdin: io.readStdin, env: io.env },
    );
    if (r.diagnostics.length) io.stderr(formatDiagnosticLines(r.diagnostics));
    if (r.inputError) return EXIT.usage;
    if (r.result)
      io.stdout(args.format === 'json' ? `${JSON.stringify(r.result, null, 2)}\n` : `${formatStatus(r.result)}\n`);
    return r.ok ? EXIT.ok : EXIT.findings;
  },
});
