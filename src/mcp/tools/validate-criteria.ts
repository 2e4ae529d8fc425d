import { resolve } from 'node:path';
import * as z from 'zod';
import { DiagnosticOut } from '../generate-common.js';
import { ConfigPathsArg, SpecPathArg } from '../inputs.js';
import { compactDiagnostics, defineTool, failure, result } from '../tool.js';

const Verdict = z.enum(['proved', 'violated', 'needs-live', 'manual']);
const Output = z.object({
  ok: z.boolean().describe('No criterion violated'),
  summary: z.record(z.string(), z.number()),
  criteria: z.array(z.object({ id: z.string(), title: z.string(), verdict: Verdict, evidence: z.string() })),
  assumptions: z.array(z.string()),
  diagnostics: z.array(DiagnosticOut),
});

export default defineTool({
  name: 'validate_criteria',
  title: 'Check success criteria',
  description:
    "Decide the spec's success criteria from the config alone: proved, violated, needs-live or manual, with evidence.",
  input: z.object({
    mode: z.enum(['static']).default('static'),
    specPath: SpecPathArg.describe('Spec with criteria'),
    configPaths: ConfigPathsArg.describe('Check these manifests instead'),
  }),
  output: Output,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, ctx) {
    if (!args.specPath) return failure('validate_criteria: give specPath (the spec holds the criteria)');
    const { check } = await import('../../core/api.js');
    const r = await check({
      specPath: resolve(ctx.cwd, args.specPath),
      configPaths: args.configPaths?.map((p) => resolve(ctx.cwd, p)),
    });
    if (!r.report) {
      const first = r.diagnostics.find((d) => d.severity === 'error');
      return failure(
        `validate_criteria: ${r.inputError ? 'could not read the input' : 'the spec has errors'}${first ? `: ${first.code} ${first.message}` : ''}`,
      );
    }
    const rep = r.report;
    const out = {
      ok: r.ok,
      summary: rep.summary,
      criteria: rep.criteria.map((c) => ({ id: c.id, title: c.title, verdict: c.verdict, evidence: c.evidence })),
      assumptions: rep.assumptions,
      diagnostics: compactDiagnostics(r.diagnostics.filter((d) => d.severity !== 'info')) as never,
    };
    const lines = out.criteria.map((c) => `${c.id} ${c.verdict.toUpperCase()}: ${c.title} — ${c.evidence}`);
    const head = `validate_criteria (static, ${r.source}): ${Object.entries(rep.summary)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`;
    return result(out, [head, ...lines].join('\n'), !r.ok);
  },
});
