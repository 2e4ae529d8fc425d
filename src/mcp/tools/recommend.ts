import * as z from 'zod';
import { RecommendInput } from '../../core/recommend.js';
import { defineTool, result } from '../tool.js';

const Output = z.object({
  patterns: z.array(
    z.object({
      question: z.string(),
      answer: z.enum(['yes', 'no']),
      pattern: z.string(),
      why: z.string(),
      tool: z.string().optional(),
    }),
  ),
  spec: z.record(z.string(), z.unknown()).describe('TrafficSpec fragment; pass to generate_stack'),
  specValid: z.boolean(),
  specErrors: z.array(z.string()),
  toolCalls: z.array(z.object({ tool: z.string(), arguments: z.record(z.string(), z.unknown()) })),
  notes: z.array(z.string()),
});

export default defineTool({
  name: 'recommend',
  title: 'Recommend traffic patterns',
  description: 'Decision tree: requirements → patterns, a TrafficSpec fragment and the tool calls.',
  input: RecommendInput,
  output: Output,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args) {
    const { recommend } = await import('../../core/api.js');
    const r = recommend(args);
    const lines = r.patterns
      .filter((p) => p.answer === 'yes')
      .map((p) => `- ${p.question} ${p.pattern}${p.tool ? ` → ${p.tool}` : ''}`);
    const text = [
      `${lines.length} pattern(s) apply:`,
      ...lines,
      ...r.notes.map((n) => `note: ${n}`),
      r.specValid
        ? 'spec fragment is valid; next: generate_stack'
        : `spec fragment invalid: ${r.specErrors.join('; ')}`,
    ].join('\n');
    return result(r as unknown as Record<string, unknown>, text);
  },
});
