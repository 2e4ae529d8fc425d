import { resolve } from 'node:path';
import * as z from 'zod';
import { DiagnosticOut } from '../generate-common.js';
import { CrdsArg, DisableArg, PathsArg, YamlArg } from '../inputs.js';
import { compactDiagnostics, defineTool, diagnosticLines, failure, result } from '../tool.js';

const Output = z.object({
  ok: z.boolean(),
  summary: z.object({ errors: z.number(), warnings: z.number(), infos: z.number() }),
  coverage: z.object({ crd: z.number(), builtin: z.number(), unchecked: z.number() }).optional(),
  diagnostics: z.array(DiagnosticOut),
});

export default defineTool({
  name: 'validate_manifests',
  title: 'Validate manifests',
  description: 'Validate like the API server, Envoy Gateway and KEDA: CRD schema + CEL, references, KEDA rules, lints.',
  input: z.object({
    specPath: z.string().optional().describe('Spec file (its stack is validated)'),
    paths: PathsArg.describe('Or manifests'),
    yaml: YamlArg.describe('Or manifests as YAML text'),
    crds: CrdsArg.describe('CRD files/dirs or "cluster" (default: crds pull cache)'),
    disable: DisableArg.describe('Diagnostic codes to skip'),
  }),
  output: Output,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, ctx) {
    const crds = args.crds.map((c) => (c === 'cluster' ? c : resolve(ctx.cwd, c)));
    let out: z.infer<typeof Output>;
    if (args.specPath) {
      // generate validates its own output (the app's Services, Deployment and GatewayClass live outside the stack).
      const { generate } = await import('../../core/api.js');
      const { countBySeverity } = await import('../../model/diagnostic.js');
      const g = await generate({ specPath: resolve(ctx.cwd, args.specPath), crds });
      const diagnostics = g.diagnostics.filter((d) => !args.disable.includes(d.code));
      const summary = countBySeverity(diagnostics);
      out = { ok: summary.errors === 0, summary, diagnostics: compactDiagnostics(diagnostics) as never };
    } else {
      if (!args.paths.length && args.yaml === undefined)
        return failure('validate_manifests: give specPath, paths or yaml');
      const { validate } = await import('../../core/api.js');
      const r = await validate({
        paths: args.paths.map((p) => resolve(ctx.cwd, p)),
        yaml: args.yaml,
        crds,
        disable: args.disable,
      });
      out = {
        ok: r.summary.errors === 0 && !r.inputError,
        summary: r.summary,
        coverage: r.coverage,
        diagnostics: compactDiagnostics(r.diagnostics) as never,
      };
    }
    const s = out.summary;
    const cov = out.coverage
      ? `; schema: ${out.coverage.crd} by CRD, ${out.coverage.builtin} built-in, ${out.coverage.unchecked} unchecked`
      : '';
    const head = `validate_manifests: ${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info${cov}`;
    return result(out, [head, diagnosticLines(out.diagnostics as never, 15)].filter(Boolean).join('\n'), !out.ok);
  },
});
