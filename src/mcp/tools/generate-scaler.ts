import * as z from 'zod';
import { Label } from '../../spec/schema/index.js';
import { AppFields, GenerateOutput, generateResult, partSpec, READ_ONLY, runGenerate } from '../generate-common.js';
import { AutoscalingArg } from '../parts.js';
import { defineTool } from '../tool.js';

export default defineTool({
  name: 'generate_scaler',
  title: 'Generate an autoscaler',
  description: 'KEDA ScaledObject (prometheus, cpu/memory, cron; minReplicas 0 = scale to zero) or a plain HPA.',
  input: z.object({
    ...AppFields,
    routeName: Label.optional().describe('Target HTTPRoute (default <app>-route)'),
    autoscaling: AutoscalingArg,
  }),
  output: GenerateOutput,
  annotations: READ_ONLY,
  async run({ app, namespace, routeName, autoscaling }, ctx) {
    const kinds = ['ScaledObject', 'HorizontalPodAutoscaler'];
    const { out } = await runGenerate(
      { spec: partSpec(app, namespace, { autoscaling }, routeName) as never },
      { kinds, cwd: ctx.cwd },
    );
    return generateResult(out, 'generate_scaler');
  },
});
