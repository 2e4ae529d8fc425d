/**
 * `traffic-engineer check`: prove each success criterion of a spec from the configuration alone
 * (proved / violated / needs-live / manual, with the evidence). Exit 1 when any is violated.
 */
import * as z from 'zod';
import { CheckInput, check } from '../../core/api.js';
import { formatStaticReport } from '../../criteria/static/index.js';
import { defineCommand, EXIT } from '../command.js';
import { formatDiagnosticLines } from '../diagnostics.js';

const Options = z.object({
  config: z
    .array(z.string())
    .default([])
    .describe('Check these manifests instead of the stack generated from the spec (repeatable)'),
  format: z.enum(['text', 'json']).default('text').describe('Output format'),
  envoyReplicas: CheckInput.shape.envoyReplicas,
  crds: CheckInput.shape.crds,
  noRateLimitService: z
    .boolean()
    .default(false)
    .describe('The EnvoyGateway config has no rate-limit service: global limits are invalid (routes answer 500)'),
});

export const checkCommand = defineCommand({
  name: 'check',
  summary: "Prove the spec's success criteria from the configuration alone (no cluster needed)",
  positionals: [
    { name: 'spec', description: 'Traffic spec: YAML, or markdown with a ```yaml block (- for stdin)', required: true },
  ],
  options: Options,
  short: { c: 'config', f: 'format' },
  examples: [
    'traffic-engineer check examples/task-api/traffic-spec.md',
    'traffic-engineer check examples/task-api/traffic-spec.md --config tutorial.yaml --format json',
  ],
  async run(args, [specPath], io) {
    const r = await check(
      {
        specPath,
        configPaths: args.config,
        envoyReplicas: args.envoyReplicas,
        crds: args.crds,
        rateLimitService: !args.noRateLimitService,
      },
      { readStdin: io.readStdin },
    );
    const shown = r.diagnostics.filter((d) => d.severity !== 'info');
    if (shown.length) io.stderr(formatDiagnosticLines(shown));
    if (r.inputError) return EXIT.usage;
    if (!r.report) {
      io.stderr('check: the spec has errors; nothing checked\n');
      return EXIT.findings;
    }
    if (args.format === 'json') io.stdout(`${JSON.stringify({ source: r.source, ...r.report }, null, 2)}\n`);
    else
      io.stdout(
        `Checked against ${r.source === 'generated' ? 'the stack generated from the spec' : r.source}\n\n${formatStaticReport(r.report)}`,
      );
    return r.ok ? EXIT.ok : EXIT.findings;
  },
});
