import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';

/** The spec-first workflow as a prompt: write the spec, then generate → validate → check → dry-run → apply → verify. */
export function specFirstText(goal: string, specPath?: string): string {
  const spec = specPath ?? 'traffic-spec.md';
  return [
    `Goal: ${goal}`,
    '',
    'Work spec-first with the traffic-engineer tools:',
    `1. Write or update ${spec}: goals, environment, success criteria (SC-001… with curl/kubectl checks and "# Expected:" lines) and a \`yaml\` block with the TrafficSpec (schema: te://schema/traffic-spec). Unsure which patterns fit? Call recommend.`,
    `2. generate_stack with specPath ${spec}; fix every error diagnostic in the spec, not in the YAML.`,
    '3. validate_manifests on the same spec (CRD schemas, CEL rules, cross-references, lints). Fix errors; read warnings.',
    '4. simulate_requests for the paths and hosts in the criteria (which route, rule and backend each request reaches).',
    '5. validate_criteria mode static: the criteria against the generated config, no cluster.',
    '6. dry_run against the cluster (server-side, nothing persisted).',
    '7. apply_stack (only when the user agrees; it needs confirm: true), then cluster_status.',
    '8. validate_criteria mode live: every success criterion against the running stack. Report each SC with its result.',
    'When something fails, call troubleshoot with the symptom.',
  ].join('\n');
}

export function registerPrompts(server: McpServer): void {
  server.registerPrompt(
    'spec-first',
    {
      title: 'Spec-first traffic engineering',
      description: 'Write the traffic spec, then generate, validate, check, dry-run, apply and verify it',
      argsSchema: {
        goal: z.string().describe('What the traffic setup must achieve'),
        specPath: z.string().optional().describe('Spec file (default traffic-spec.md)'),
      },
    },
    ({ goal, specPath }) => ({
      messages: [{ role: 'user', content: { type: 'text', text: specFirstText(goal, specPath) } }],
    }),
  );
}
