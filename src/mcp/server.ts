/**
 * The MCP server: tools (tools/), resources (resources/) and prompts (prompts/) over one McpServer.
 * tools/list is answered from the same zod schemas in a lean form (lean-schema.ts) so that the whole
 * list stays small; every call is still validated against the full schema.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ListToolsRequestSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { leanJsonSchema } from './lean-schema.js';
import { registerPrompts } from './prompts/index.js';
import { registerResources } from './resources/index.js';
import type { ToolContext, ToolDef } from './tool.js';
import { tools as allTools } from './tools/index.js';

export const SERVER_NAME = 'traffic-engineer';
export const SERVER_VERSION = '0.1.0';

export interface ServerOptions {
  cwd?: string;
  /** Register the destructive tools (apply_stack). */
  allowApply?: boolean;
  /** Environment for cluster access (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Tool set override (tests). */
  tools?: ToolDef[];
}

const INSTRUCTIONS =
  'Spec-first: write or read a TrafficSpec, generate_stack, validate, simulate_requests, dry_run, then apply and verify with validate_criteria. recommend turns requirements into a spec fragment; troubleshoot maps a symptom to checks. Resources: te://schema/traffic-spec, te://templates/{kind}, te://references/{topic}, te://guide/decision-tree, te://guide/troubleshooting.';

/** The tools a server with these options offers. */
function contextOf(opts: ServerOptions): ToolContext {
  return { cwd: opts.cwd ?? process.cwd(), allowApply: opts.allowApply ?? false, env: opts.env ?? process.env };
}

export function enabledTools(opts: ServerOptions = {}): ToolDef[] {
  const ctx = contextOf(opts);
  return (opts.tools ?? allTools).filter((t) => t.enabled?.(ctx) ?? true);
}

/** tools/list entries: lean JSON Schemas derived from each tool's zod schemas. */
export function listTools(defs: readonly ToolDef[]): Tool[] {
  return defs.map((t) => ({
    name: t.name,
    description: t.description,
    inputSchema: leanJsonSchema(t.input, 'input', t.listDepth ?? 1) as Tool['inputSchema'],
    outputSchema: leanJsonSchema(t.output, 'output', 1) as Tool['outputSchema'],
    annotations: t.annotations,
  }));
}

export function createServer(opts: ServerOptions = {}): McpServer {
  const ctx = contextOf(opts);
  const server = new McpServer({ name: SERVER_NAME, version: SERVER_VERSION }, { instructions: INSTRUCTIONS });
  const defs = enabledTools(opts);
  for (const t of defs) {
    server.registerTool(
      t.name,
      {
        title: t.title,
        description: t.description,
        inputSchema: t.input,
        outputSchema: t.output,
        annotations: t.annotations,
      },
      async (args: unknown) => {
        try {
          return await t.run(args as never, ctx);
        } catch (err) {
          process.stderr.write(`traffic-engineer mcp: ${t.name} failed: ${(err as Error).stack ?? err}\n`);
          return { content: [{ type: 'text', text: `${t.name} failed: ${(err as Error).message}` }], isError: true };
        }
      },
    );
  }
  const listed = listTools(defs);
  server.server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: listed }));
  registerResources(server, ctx);
  registerPrompts(server);
  return server;
}
