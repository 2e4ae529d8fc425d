import * as z from 'zod';
import { AppFields, generateResult, PartOutput, partSpec, READ_ONLY, runGenerate } from '../generate-common.js';
import { TlsArg } from '../parts.js';
import { defineTool } from '../tool.js';

export default defineTool({
  name: 'generate_tls',
  title: 'Generate TLS resources',
  description: 'TLS: self-signed Secret (key redacted), or cert-manager Certificate (+ Issuer).',
  input: z.object({ ...AppFields, tls: TlsArg }),
  output: PartOutput,
  annotations: READ_ONLY,
  async run({ app, namespace, tls }, ctx) {
    const { out } = await runGenerate(
      { spec: partSpec(app, namespace, { tls }) as never },
      { kinds: ['Secret', 'Certificate', 'Issuer'], cwd: ctx.cwd },
    );
    return generateResult(out, 'generate_tls');
  },
});
