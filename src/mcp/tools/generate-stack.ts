import { resolve } from 'node:path';
import * as z from 'zod';
import { TrafficSpec } from '../../spec/schema/index.js';
import { GenerateOutput, generateResult, runGenerate } from '../generate-common.js';
import { SpecPathArg } from '../inputs.js';
import { defineTool, failure } from '../tool.js';

export default defineTool({
  name: 'generate_stack',
  title: 'Generate the whole stack',
  description:
    'TrafficSpec (spec or specPath) → the whole stack in apply order + diagnostics; Secrets redacted; outputDir writes files.',
  input: z.object({
    specPath: SpecPathArg.describe('YAML or markdown spec file'),
    spec: TrafficSpec.optional().describe('The TrafficSpec object (or specPath); schema te://schema/traffic-spec'),
    outputDir: z.string().optional().describe('New dir: a file per resource, Secret at 0600'),
  }),
  output: GenerateOutput,
  // Writes only with outputDir, and only into a new directory: additive, never destructive.
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run({ outputDir, ...input }, ctx) {
    const { out, manifests } = await runGenerate(input, { cwd: ctx.cwd });
    if (outputDir && out.ok) {
      const { OutputExistsError, writeStackDir } = await import('../../core/write-output.js');
      const dir = resolve(ctx.cwd, outputDir);
      try {
        out.written = { dir, files: await writeStackDir(dir, manifests) };
      } catch (err) {
        if (err instanceof OutputExistsError)
          return failure(`generate_stack: ${dir} exists and is not empty; choose a new outputDir`);
        throw err;
      }
    }
    return generateResult(out, 'generate_stack');
  },
});
