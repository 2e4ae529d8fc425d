import * as z from 'zod';
import { ValidateInput, validate } from '../../core/api.js';
import { formatJson, formatSarif, formatText } from '../../validate/report/index.js';
import { defineCommand, EXIT } from '../command.js';
import { VERSION } from '../version.js';

const { crds, envoyReplicas, disable, kubeconfig, context } = ValidateInput.shape;

export const validateCommand = defineCommand({
  name: 'validate',
  summary:
    'Validate manifests as the API server, Envoy Gateway and KEDA would: CRD schema + CEL, references, KEDA rules, lints',
  positionals: [{ name: 'files', description: 'Manifest files or directories (- or nothing: stdin)', variadic: true }],
  options: z.object({
    crds,
    envoyReplicas,
    disable,
    context,
    kubeconfig,
    format: z.enum(['text', 'json', 'sarif']).default('text').describe('Report format'),
  }),
  short: { f: 'format' },
  examples: [
    'traffic-engineer validate stack.yaml --crds ./crds',
    'traffic-engineer generate spec.md | traffic-engineer validate --format sarif > results.sarif',
    'traffic-engineer crds pull && traffic-engineer validate out/',
    'traffic-engineer validate out/ --crds cluster --context kind-dev',
  ],
  async run(args, files, io) {
    const r = await validate(
      {
        paths: files.length ? files : ['-'],
        crds: args.crds,
        envoyReplicas: args.envoyReplicas,
        disable: args.disable,
        context: args.context,
        kubeconfig: args.kubeconfig,
      },
      { readStdin: io.readStdin },
    );
    if (args.format === 'json') io.stdout(formatJson(r.diagnostics));
    else if (args.format === 'sarif') io.stdout(formatSarif(r.diagnostics, { toolVersion: VERSION }));
    else io.stdout(formatText(r.diagnostics, { docs: r.docs }));
    if (r.inputError) return EXIT.usage;
    return r.summary.errors > 0 ? EXIT.findings : EXIT.ok;
  },
});
