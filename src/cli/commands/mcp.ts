/**
 * `traffic-engineer mcp`: the MCP server for agents (Claude Code and other MCP clients).
 * stdio by default; `--http PORT` serves Streamable HTTP on 127.0.0.1. The server module is loaded
 * only here, so the other commands never pay for the MCP SDK.
 */
import * as z from 'zod';
import { defineCommand, EXIT } from '../command.js';

export const mcpCommand = defineCommand({
  name: 'mcp',
  summary: 'Run the MCP server (stdio, or Streamable HTTP on 127.0.0.1 with --http PORT)',
  positionals: [],
  options: z.object({
    http: z
      .number()
      .int()
      .min(0)
      .max(65535)
      .optional()
      .describe('Serve Streamable HTTP at http://127.0.0.1:PORT/mcp instead of stdio'),
    allowApply: z
      .boolean()
      .default(false)
      .describe('Offer apply_stack (destructive; every call still needs confirm: true)'),
  }),
  examples: [
    'traffic-engineer mcp',
    'traffic-engineer mcp --http 8765',
    'claude mcp add traffic-engineer -- npx -y traffic-engineer mcp',
  ],
  async run(args, _positionals, io) {
    const { runMcpServer } = await import('../../mcp/main.js');
    await runMcpServer({ http: args.http, allowApply: args.allowApply, cwd: io.cwd, log: (l) => io.stderr(`${l}\n`) });
    return EXIT.ok;
  },
});
