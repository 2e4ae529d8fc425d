#!/usr/bin/env node
// Thin launcher over the built code (`npm run build`): the CLI is dist/cli/main.js; `traffic-engineer mcp`
// goes straight to the bundled server dist/mcp.js, so an MCP client's cold start does not load the CLI.
if (process.argv[2] === 'mcp') {
  await import('../dist/mcp.js');
} else {
  try {
    const { main } = await import('../dist/cli/main.js');
    process.exitCode = await main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`traffic-engineer: internal error: ${err?.message ?? err}\n`);
    process.exitCode = 70;
  }
}
