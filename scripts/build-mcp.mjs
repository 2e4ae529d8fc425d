// Bundles the MCP server with esbuild into dist/mcp.js (+ dist/mcp-bundle/), for a fast cold start.
// Lazy imports become separate chunks, loaded only when a tool needs them. Packages that are only ever
// imported lazily stay external (loaded from node_modules when a tool needs them; bundling @peculiar/x509
// breaks its CommonJS interop). Every bundle file sits two
// levels below the package root, like the tsc output, so import.meta.url-relative paths still hold.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/mcp-bundle', { recursive: true, force: true });
await build({
  entryPoints: [{ in: 'src/mcp/bin.ts', out: 'mcp' }],
  outdir: 'dist/mcp-bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  external: ['@kubernetes/client-node', '@peculiar/x509', 'reflect-metadata', 'nunjucks'],
  // CommonJS dependencies (nunjucks) call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __teCreateRequire } from 'node:module'; const require = __teCreateRequire(import.meta.url);",
  },
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
});
mkdirSync('dist', { recursive: true });
writeFileSync(
  'dist/mcp.js',
  "// The MCP server, bundled (scripts/build-mcp.mjs). Usage: node dist/mcp.js [--http PORT] [--allow-apply]\nimport './mcp-bundle/mcp.js';\n",
);
