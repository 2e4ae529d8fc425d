/**
 * Resources: the templates (te://templates/{kind}), our reference notes (te://references/{topic}),
 * the full JSON Schema of the spec and its parts (te://schema/{part}), and the two guides.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { packageRoot } from '../paths.js';
import type { ToolContext } from '../tool.js';
import { SCHEMA_PARTS, schemaFor } from './schemas.js';

const NAME = /^[a-z0-9][a-z0-9-]*$/;

async function listDir(dir: string, suffix: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((f) => f.endsWith(suffix))
      .map((f) => f.slice(0, -suffix.length))
      .sort();
  } catch {
    return [];
  }
}

function fileResource(
  server: McpServer,
  name: string,
  scheme: string,
  dir: () => string,
  suffix: string,
  mimeType: string,
  what: string,
) {
  server.registerResource(
    name,
    new ResourceTemplate(`te://${scheme}/{name}`, {
      list: async () => ({
        resources: (await listDir(dir(), suffix)).map((n) => ({
          uri: `te://${scheme}/${n}`,
          name: `${name}/${n}`,
          mimeType,
        })),
      }),
      complete: { name: async (v) => (await listDir(dir(), suffix)).filter((n) => n.startsWith(v)) },
    }),
    { description: what, mimeType },
    async (uri, vars) => {
      const n = String(vars.name);
      if (!NAME.test(n)) throw new Error(`invalid ${name} name: ${n}`);
      const text = await readFile(join(dir(), `${n}${suffix}`), 'utf8').catch(() => {
        throw new Error(`no ${name} "${n}"; see resources/list`);
      });
      return { contents: [{ uri: uri.href, mimeType, text }] };
    },
  );
}

export function registerResources(server: McpServer, _ctx: ToolContext): void {
  fileResource(
    server,
    'templates',
    'templates',
    () => join(packageRoot(), 'templates'),
    '.yaml.njk',
    'text/plain',
    'Nunjucks templates of the generated resources (override with templatesDir)',
  );
  fileResource(
    server,
    'references',
    'references',
    () => join(packageRoot(), 'references'),
    '.md',
    'text/markdown',
    'Concise notes with links to the official docs',
  );
  server.registerResource(
    'schema',
    new ResourceTemplate('te://schema/{part}', {
      list: async () => ({
        resources: SCHEMA_PARTS.map((p) => ({
          uri: `te://schema/${p}`,
          name: `schema/${p}`,
          mimeType: 'application/schema+json',
        })),
      }),
      complete: { part: (v) => SCHEMA_PARTS.filter((p) => p.startsWith(v)) },
    }),
    {
      description: 'Full JSON Schema of the TrafficSpec and of each part the generate_* tools take',
      mimeType: 'application/schema+json',
    },
    async (uri, vars) => ({
      contents: [
        {
          uri: uri.href,
          mimeType: 'application/schema+json',
          text: JSON.stringify(await schemaFor(String(vars.part)), null, 1),
        },
      ],
    }),
  );
  server.registerResource(
    'decision-tree',
    'te://guide/decision-tree',
    { description: 'Which pattern for which requirement, and the tool for it', mimeType: 'text/markdown' },
    async (uri) => {
      const { decisionTreeMarkdown } = await import('../../core/recommend.js');
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: decisionTreeMarkdown() }] };
    },
  );
  server.registerResource(
    'troubleshooting',
    'te://guide/troubleshooting',
    { description: 'Symptom → checks → tool', mimeType: 'text/markdown' },
    async (uri) => {
      const { troubleshootingMarkdown } = await import('../../core/troubleshoot.js');
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: troubleshootingMarkdown() }] };
    },
  );
}
