import { resolve } from 'node:path';
import * as z from 'zod';
import { Symptom } from '../../core/troubleshoot.js';
import { DiagnosticOut } from '../generate-common.js';
import { ContextArg, KubeconfigArg, PathsArg, SpecPathArg } from '../inputs.js';
import { compactDiagnostics, defineTool, failure, result } from '../tool.js';

const Output = z.object({
  symptom: Symptom,
  title: z.string(),
  causes: z.array(z.string()),
  checks: z.array(z.object({ check: z.string(), tool: z.string(), offline: z.boolean() })),
  codes: z.array(z.string()).describe('Validation codes that explain this symptom'),
  findings: z.array(DiagnosticOut).describe('Those codes found in the given stack'),
  live: z
    .array(z.object({ resource: z.string(), state: z.string(), reason: z.string().optional() }))
    .describe('Objects not ready'),
  ran: z.array(z.string()),
});

export default defineTool({
  name: 'troubleshoot',
  title: 'Troubleshoot a symptom',
  description: 'Symptom → likely causes and checks (with tools); given a stack (and context), runs them.',
  input: z.object({
    symptom: Symptom.optional(),
    description: z.string().max(2000).optional().describe('Or free text'),
    specPath: SpecPathArg,
    paths: PathsArg,
    kubeconfig: KubeconfigArg,
    context: ContextArg.describe('Also check the cluster'),
  }),
  output: Output,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, ctx) {
    const api = await import('../../core/api.js');
    const p = api.findPlaybook(args.symptom, args.description);
    if (!p)
      return failure(`no playbook matches; give symptom as one of: ${api.PLAYBOOKS.map((x) => x.symptom).join(', ')}`);
    const specPath = args.specPath && resolve(ctx.cwd, args.specPath);
    const ran: string[] = [];
    let found: import('../../model/diagnostic.js').Diagnostic[] = [];
    if (specPath) {
      found = (await api.generate({ specPath })).diagnostics;
      ran.push(`validated the stack of ${args.specPath}`);
    } else if (args.paths.length) {
      found = (await api.validate({ paths: args.paths.map((x) => resolve(ctx.cwd, x)) })).diagnostics;
      ran.push(`validated ${args.paths.join(', ')}`);
    }
    const findings = compactDiagnostics(found.filter((d) => api.explains(p, d.code))) as z.infer<
      typeof DiagnosticOut
    >[];
    const live: z.infer<typeof Output>['live'] = [];
    if (args.context && (specPath || args.paths.length)) {
      const s = await api.clusterStatus(
        {
          ...(specPath ? { specPath } : { files: args.paths.map((x) => resolve(ctx.cwd, x)) }),
          kubeconfig: args.kubeconfig,
          context: args.context,
        },
        { env: ctx.env },
      );
      if (!s.result)
        ran.push(
          `cluster_status failed: ${s.diagnostics.find((d) => d.severity === 'error')?.message ?? 'unknown error'}`,
        );
      else {
        ran.push(`read the live status on ${s.result.context}`);
        for (const o of s.result.objects) {
          const state = o.found ? (o.readiness?.state ?? 'found') : 'missing';
          if (state !== 'ready' && state !== 'found')
            live.push({
              resource: `${o.ref.kind} ${o.ref.namespace ? `${o.ref.namespace}/` : ''}${o.ref.name}`,
              state,
              ...(o.readiness?.reason ? { reason: o.readiness.reason } : {}),
            });
        }
      }
    }
    const { words: _w, ...playbook } = p;
    const text = [
      `${p.title}. Likely causes:`,
      ...p.causes.map((c) => `- ${c}`),
      'Checks:',
      ...p.checks.map((c) => `- ${c.check} → ${c.tool}${c.offline ? '' : ' (cluster)'}`),
      ...ran.map((r) => `ran: ${r}`),
      ...findings.map((f) => `found ${f.code}: ${f.message}`),
      ...live.map((l) => `live: ${l.resource} ${l.state}${l.reason ? ` (${l.reason})` : ''}`),
    ].join('\n');
    return result({ ...playbook, findings, live, ran }, text);
  },
});
