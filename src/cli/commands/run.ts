/**
 * `traffic-engineer run`: the main job in one go: generate the stack from a spec, validate it and
 * prove each success criterion statically. The stack goes to stdout (pipeable to kubectl); the
 * validation findings and the criteria report go to stderr.
 */
import * as z from 'zod';
import { CheckInput, check } from '../../core/api.js';
import { formatStaticReport } from '../../criteria/static/index.js';
import { countBySeverity } from '../../model/diagnostic.js';
import { toYamlStream } from '../../render/output.js';
import { formatText } from '../../validate/report/index.js';
import { defineCommand, EXIT } from '../command.js';

export const runCommand = defineCommand({
  name: 'run',
  summary: 'Generate, validate and statically prove a spec: the stack on stdout, the reports on stderr',
  positionals: [{ name: 'spec', description: 'Traffic spec: YAML or markdown (- for stdin)', required: true }],
  options: z.object({
    crds: CheckInput.shape.crds,
    envoyReplicas: CheckInput.shape.envoyReplicas,
    quiet: z.boolean().default(false).describe('Only the reports: do not print the stack'),
  }),
  short: { q: 'quiet' },
  examples: ['traffic-engineer run examples/task-api/traffic-spec.md', 'traffic-engineer run spec.md --crds ./crds -q'],
  async run(args, [specPath], io) {
    const r = await check(
      { specPath, crds: args.crds, envoyReplicas: args.envoyReplicas },
      { readStdin: io.readStdin },
    );
    if (r.inputError) {
      io.stderr(formatText(r.diagnostics));
      return EXIT.usage;
    }
    if (!args.quiet && r.manifests.length) io.stdout(toYamlStream(r.manifests));
    const c = countBySeverity(r.diagnostics);
    io.stderr(`\n== Validation of the generated stack (${r.manifests.length} resources)\n`);
    io.stderr(r.diagnostics.length ? formatText(r.diagnostics) : 'no findings\n');
    if (!r.report) {
      io.stderr(`\n${c.errors} error(s): the spec cannot be turned into a stack; nothing proved\n`);
      return EXIT.findings;
    }
    io.stderr(`\n== Success criteria, proved from the configuration alone\n${formatStaticReport(r.report)}`);
    io.stderr(
      '\nNext: `traffic-engineer preflight`, `dry-run`, `apply --yes`, then `verify` against the live system.\n',
    );
    return r.ok && c.errors === 0 ? EXIT.ok : EXIT.findings;
  },
});
