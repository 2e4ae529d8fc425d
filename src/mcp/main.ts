/**
 * `traffic-engineer mcp`: the server on stdio (default) or Streamable HTTP on 127.0.0.1 (--http PORT).
 * stdout carries only protocol messages; logs go to stderr.
 */
import { createServer, type ServerOptions } from './server.js';

export interface McpMainOptions extends ServerOptions {
  /** Serve Streamable HTTP on 127.0.0.1:PORT instead of stdio (0 = any free port). */
  http?: number;
  log?: (line: string) => void;
}

export interface RunningServer {
  /** Streamable HTTP: the URL clients connect to. */
  url?: string;
  close(): Promise<void>;
}

export async function runMcpServer(opts: McpMainOptions = {}): Promise<RunningServer> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  if (opts.http === undefined) {
    const { StdioServerTransport } = await import('@modelcontextprotocol/sdk/server/stdio.js');
    const server = createServer(opts);
    await server.connect(new StdioServerTransport());
    return { close: () => server.close() };
  }
  return serveHttp(opts.http, opts, log);
}

async function serveHttp(port: number, opts: ServerOptions, log: (l: string) => void): Promise<RunningServer> {
  const { createServer: createHttpServer } = await import('node:http');
  const { StreamableHTTPServerTransport } = await import('@modelcontextprotocol/sdk/server/streamableHttp.js');
  // Stateless: a fresh server and transport per request, so no session state lives between calls.
  const http = createHttpServer(async (req, res) => {
    if (req.url?.split('?')[0] !== '/mcp') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: the MCP endpoint is /mcp\n');
      return;
    }
    // Browsers send Origin: a page from elsewhere must not drive a server that reads local files.
    const origin = req.headers.origin;
    if (origin && !/^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(origin)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('forbidden: cross-origin request\n');
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { 'content-type': 'application/json', allow: 'POST' });
      res.end(
        JSON.stringify({
          jsonrpc: '2.0',
          error: { code: -32000, message: 'Method not allowed (stateless server: POST only)' },
          id: null,
        }),
      );
      return;
    }
    const server = createServer(opts);
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableDnsRebindingProtection: true,
      allowedHosts: [`127.0.0.1:${addr()}`, `localhost:${addr()}`],
    });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    try {
      await server.connect(transport);
      await transport.handleRequest(req, res);
    } catch (err) {
      log(`traffic-engineer mcp: ${(err as Error).message}`);
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
  const addr = () => {
    const a = http.address();
    return typeof a === 'object' && a ? a.port : port;
  };
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${addr()}/mcp`;
  log(`traffic-engineer mcp: Streamable HTTP on ${url}`);
  return { url, close: () => new Promise<void>((r) => http.close(() => r())) };
}
