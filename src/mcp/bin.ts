/**
 * Entry of the bundled server (dist/mcp.js): `node dist/mcp.js [--http PORT] [--allow-apply]`.
 * Same server as `traffic-engineer mcp`, without loading the CLI.
 */
import { parseArgs } from 'node:util';
import { runMcpServer } from './main.js';

const USAGE = 'usage: node dist/mcp.js [--http PORT] [--allow-apply]\n';

try {
  // A leading `mcp` is accepted so that a launcher can hand over `traffic-engineer mcp …` argv unchanged.
  const argv = process.argv.slice(2);
  const { values } = parseArgs({
    args: argv[0] === 'mcp' ? argv.slice(1) : argv,
    options: { http: { type: 'string' }, 'allow-apply': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) process.stdout.write(USAGE);
  else {
    const port = values.http === undefined ? undefined : Number(values.http);
    if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535))
      throw new Error(`--http needs a port number, got ${values.http}`);
    await runMcpServer({ http: port, allowApply: values['allow-apply'] ?? false });
  }
} catch (err) {
  process.stderr.write(`traffic-engineer mcp: ${(err as Error).message}\n${USAGE}`);
  process.exitCode = 2;
}
