import * as z from 'zod';
import { GenerateInput, generate } from '../../core/api.js';
import { OutputExistsError, writeFileAtomic, writeStackDir } from '../../core/write-output.js';
import { countBySeverity } from '../../model/diagnostic.js';
import { toYamlStream } from '../../render/output.js';
import { defineCommand, EXIT } from '../command.js';
import { formatDiagnosticLines } from '../diagnostics.js';

const Options = z.object({
  output: z
    .string()
    .optional()
    .describe('Write to FILE (.yaml/.yml/.json) or DIR (one file per resource + kustomization.yaml) instead of stdout'),
  format: z.enum(['yaml', 'json']).default('yaml').describe('Output format'),
  force: z.boolean().default(false).describe('Overwrite an existing output file or directory'),
  templates: GenerateInput.shape.templatesDir,
  crds: GenerateInput.shape.crds,
});

export const generateCommand = defineCommand({
  name: 'generate',
  summary: 'Generate the traffic stack (Gateway, HTTPRoutes, policies, TLS, autoscaler) from a spec',
  positionals: [
    { name: 'spec', description: 'Traffic spec: YAML, or markdown with a ```yaml block (- for stdin)', required: true },
  ],
  options: Options,
  short: { o: 'output', f: 'format' },
  examples: [
    'traffic-engineer generate examples/task-api/traffic-spec.md',
    'traffic-engineer generate spec.yaml -o out/ --force',
  ],
  async run(args, [specPath], io) {
    const r = await generate({ specPath, templatesDir: args.templates, crds: args.crds }, { readStdin: io.readStdin });
    if (r.diagnostics.length) io.stderr(formatDiagnosticLines(r.diagnostics));
    if (r.inputError) return EXIT.usage;
    if (!r.ok) {
      const c = countBySeverity(r.diagnostics);
      io.stderr(`generate: ${c.errors} error(s); nothing written\n`);
      return EXIT.findings;
    }
    const render = (ms: typeof r.manifests) =>
      args.format === 'json'
        ? `${JSON.stringify(ms.length === 1 ? ms[0] : { apiVersion: 'v1', kind: 'List', items: ms }, null, 2)}\n`
        : toYamlStream(ms);
    try {
      if (!args.output) io.stdout(render(r.manifests));
      else if (/\.(ya?ml|json)$/i.test(args.output)) {
        const secret = r.manifests.some((m) => m.kind === 'Secret');
        await writeFileAtomic(args.output, render(r.manifests), { force: args.force, mode: secret ? 0o600 : 0o644 });
        io.stderr(
          `wrote ${r.manifests.length} resources to ${args.output}${secret ? ' (mode 0600: it holds a private key)' : ''}\n`,
        );
      } else {
        await writeStackDir(args.output, r.manifests, { force: args.force, format: args.format });
        io.stderr(`wrote ${r.manifests.length} resources and kustomization.yaml to ${args.output}/\n`);
      }
    } catch (err) {
      if (err instanceof OutputExistsError) {
        io.stderr(`generate: ${err.message}\n`);
        return EXIT.usage;
      }
      throw err;
    }
    return EXIT.ok;
  },
});
