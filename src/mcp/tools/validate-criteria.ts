import { resolve } from 'node:path';
import * as z from 'zod';
import { DiagnosticOut } from '../generate-common.js';
import { ConfigPathsArg, ContextArg, KubeconfigArg, OriginArg, PortForwardArg, SpecPathArg } from '../inputs.js';
import { compactDiagnostics, defineTool, failure, result } from '../tool.js';

const Output = z.object({
  ok: z.boolean().describe('static: nothing violated; live: nothing failed'),
  summary: z.record(z.string(), z.number()),
  criteria: z.array(z.object({ id: z.string(), title: z.string(), verdict: z.string(), evidence: z.string() })),
  assumptions: z.array(z.string()).optional(),
  diagnostics: z.array(DiagnosticOut),
});

export default defineTool({
  name: 'validate_criteria',
  title: 'Check success criteria',
  description:
    'Success criteria: static (from config: proved/violated/needs-live) or live (real HTTP, TLS, bursts, objects: passed/failed).',
  input: z.object({
    mode: z.enum(['static', 'live']).default('static'),
    specPath: SpecPathArg.describe('Spec with criteria'),
    configPaths: ConfigPathsArg.describe('static: manifests to check'),
    origin: OriginArg.describe('live: FROM=TO origin rewrites'),
    portForward: PortForwardArg.describe('live: via port-forward'),
    kubeconfig: KubeconfigArg,
    context: ContextArg,
  }),
  output: Output,
  // Live mode talks to the running system (HTTP, Kubernetes API) but changes nothing there.
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, ctx) {
    if (!args.specPath) return failure('validate_criteria: give specPath (the spec holds the criteria)');
    const specPath = resolve(ctx.cwd, args.specPath);
    const api = await import('../../core/api.js');
    if (args.mode === 'live') {
      const { origin, portForward, kubeconfig, context } = args;
      const r = await api.verify(
        specPath,
        { origin, portForward, kubeconfig, context },
        { cwd: ctx.cwd, log: (l) => process.stderr.write(`${l}\n`) },
      );
      if (!r.report) {
        const first = r.diagnostics.find((d) => d.severity === 'error');
        return failure(
          `validate_criteria live: ${first ? `${first.code} ${first.message}${first.hint ? ` (${first.hint})` : ''}` : 'could not run'}`,
        );
      }
      const rep = r.report;
      const out = {
        ok: (rep.summary.failed ?? 0) === 0,
        summary: rep.summary,
        criteria: rep.criteria.map((c) => ({ id: c.id, title: c.title, verdict: c.verdict, evidence: c.evidence })),
        diagnostics: compactDiagnostics(r.diagnostics.filter((d) => d.severity !== 'info')) as never,
      };
      const lines = out.criteria.map((c) => `${c.id} ${c.verdict.toUpperCase()}: ${c.title} — ${c.evidence}`);
      return result(out, [`validate_criteria (live): ${summaryText(rep.summary)}`, ...lines].join('\n'), !out.ok);
    }
    const r = await api.check({ specPath, configPaths: args.configPaths?.map((p) => resolve(ctx.cwd, p)) });
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
    return result(
      out,
      [`validate_criteria (static, ${r.source}): ${summaryText(rep.summary)}`, ...lines].join('\n'),
      !r.ok,
    );
  },
});

function summaryText(summary: Record<string, number>): string {
  return Object.entries(summary)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
}
