// The floor for bench/mcp-startup.mjs: a minimal McpServer with one tool (SDK 1.x, zod 4), as in
// mcp-skills.md Appendix A.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import * as z from 'zod/v4';

const server = new McpServer({ name: 'min-v1', version: '0.0.1' });
server.registerTool(
  'echo',
  {
    description: 'Echo text',
    inputSchema: { text: z.string() },
    outputSchema: { text: z.string() },
    annotations: { readOnlyHint: true, idempotentHint: true },
  },
  async ({ text }) => ({ content: [{ type: 'text', text }], structuredContent: { text } }),
);
await server.connect(new StdioServerTransport());
