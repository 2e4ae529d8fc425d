import * as z from 'zod';
import { Label } from '../../spec/schema/index.js';
import { AppFields, generateResult, PartOutput, partSpec, READ_ONLY, runGenerate } from '../generate-common.js';
import { AutoscalingArg } from '../parts.js';
import { defineTool } from '../tool.js';

export default defineTool({
  name: 'generate_scaler',
  title: 'Generate an autoscaler',
  description: 'KEDA ScaledObject (prometheus, cpu, memory, cron; minReplicas 0 = scale to zero) or HPA.',
  input: z.object({
    ...AppFields,
    routeName: Label.optional(),
    autoscaling: AutoscalingArg,
  }),
  output: PartOutput,
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
