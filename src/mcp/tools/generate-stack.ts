import { GenerateInput } from '../../core/api.js';
import { GenerateOutput, generateResult, runGenerate } from '../generate-common.js';
import { defineTool } from '../tool.js';

export default defineTool({
  name: 'generate_stack',
  title: 'Generate the whole stack',
  description:
    'TrafficSpec (spec, or specPath to a YAML/markdown spec) → the whole stack in apply order + diagnostics. Secret keys redacted.',
  input: GenerateInput.extend({
    spec: GenerateInput.shape.spec.describe(
      'The TrafficSpec object (or give specPath); schema te://schema/traffic-spec',
    ),
  }),
  output: GenerateOutput,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, ctx) {
    const { out } = await runGenerate(args, { cwd: ctx.cwd });
    return generateResult(out, 'generate_stack');
  },
});
