import * as z from 'zod';
import { Symptom } from '../../core/troubleshoot.js';
import { defineTool, failure, result } from '../tool.js';

const Output = z.object({
  symptom: Symptom,
  title: z.string(),
  causes: z.array(z.string()),
  checks: z.array(z.object({ check: z.string(), tool: z.string(), offline: z.boolean() })),
  codes: z.array(z.string()).describe('Validation codes that explain this symptom'),
});

export default defineTool({
  name: 'troubleshoot',
  title: 'Troubleshoot a symptom',
  description: 'Symptom → likely causes and the checks that tell them apart, each with its tool.',
  input: z.object({
    symptom: Symptom.optional(),
    description: z.string().max(2000).optional().describe('Or free text'),
  }),
  output: Output,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run({ symptom, description }) {
    const { findPlaybook, PLAYBOOKS } = await import('../../core/api.js');
    const p = findPlaybook(symptom, description);
    if (!p)
      return failure(`no playbook matches; give symptom as one of: ${PLAYBOOKS.map((x) => x.symptom).join(', ')}`);
    const { words: _w, ...out } = p;
    const text = [
      `${p.title}. Likely causes:`,
      ...p.causes.map((c) => `- ${c}`),
      'Checks:',
      ...p.checks.map((c) => `- ${c.check} → ${c.tool}${c.offline ? '' : ' (cluster)'}`),
    ].join('\n');
    return result(out as unknown as Record<string, unknown>, text);
  },
});
