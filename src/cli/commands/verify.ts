/**
 * `traffic-engineer verify SPEC`: run the spec's success criteria against the running system —
 * HTTP, JSON fields, TLS, rate-limit bursts, Kubernetes objects (with --context), server-side dry-run.
 * Exit 1 when any criterion fails.
 */
import * as z from 'zod';
import { VerifyInput, verify } from '../../core/api.js';
import { formatVerifyText } from '../../criteria/live/index.js';
import { defineCommand, EXIT } from '../command.js';
import { formatDiagnosticLines } from '../diagnostics.js';

export const verifyCommand = defineCommand({
  name: 'verify',
  summary: 'Check the success criteria against the running system (HTTP, TLS, rate limits, cluster objects)',
  positionals: [
    { name: 'spec', description: 'Traffic spec with success criteria: YAML or markdown (- for stdin)', required: true },
  ],
  options: VerifyInput.extend({ format: z.enum(['text', 'json']).default('text').describe('Output format') }),
  short: { f: 'format' },
  examples: [
    'traffic-engineer verify examples/task-api/traffic-spec.md',
    'traffic-engineer verify spec.md --origin http://localhost:8080=http://127.0.0.1:18080 --origin https://localhost:8443=https://127.0.0.1:18443',
    'traffic-engineer verify spec.md --context kind-dev --format json',
    'traffic-engineer verify spec.md --context kind-dev --port-forward',
  ],
  async run(args, [specPath], io) {
    const { format, ...input } = args;
    const r = await verify(specPath, input, { readStdin: io.readStdin, cwd: io.cwd, log: (l) => io.stderr(`${l}\n`) });
    if (r.diagnostics.length) io.stderr(formatDiagnosticLines(r.diagnostics));
    if (r.inputError) return EXIT.usage;
    if (!r.report) return EXIT.findings;
    io.stdout(format === 'json' ? `${JSON.stringify(r.report, null, 2)}\n` : formatVerifyText(r.report));
    return r.report.summary.failed > 0 ? EXIT.findings : EXIT.ok;
  },
});
