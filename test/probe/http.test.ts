import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRequest, ProbeError } from '../../src/probe/index.js';
import { startTaskApiServer, type TaskApiServer } from '../fixtures/live/task-api-server.mjs';

let api: TaskApiServer;
beforeAll(async () => {
  api = await startTaskApiServer();
});
afterAll(() => api.close());

describe('httpRequest', () => {
  it('returns status, lower-case headers, body and timing', async () => {
    const res = await httpRequest({ url: `${api.url}/api/v1/tasks` });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(JSON.parse(res.body).version).toBe('v1');
    expect(res.bodyTruncated).toBe(false);
    expect(res.timing.totalMs).toBeGreaterThanOrEqual(res.timing.headersMs);
  });

  it('caps the body it keeps', async () => {
    const res = await httpRequest({ url: `${api.url}/api/tasks`, maxBodyBytes: 10 });
    expect(res.body).toHaveLength(10);
    expect(res.bodyTruncated).toBe(true);
    expect(res.bodyBytes).toBeGreaterThan(10);
  });

  it('sends the given headers (Host override included)', async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const srv = http.createServer((req, res) => {
      seen.push(req.headers);
      res.end('ok');
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    await httpRequest({ url: `http://127.0.0.1:${port}/`, headers: { host: 'localhost:8080', 'x-user-id': 'test' } });
    srv.close();
    expect(seen[0].host).toBe('localhost:8080');
    expect(seen[0]['x-user-id']).toBe('test');
  });

  it('reuses a keep-alive connection when given an agent', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    await httpRequest({ url: `${api.url}/api/tasks`, agent });
    const second = await httpRequest({ url: `${api.url}/api/tasks`, agent });
    agent.destroy();
    expect(second.reusedSocket).toBe(true);
  });

  it('throws a ProbeError with a stable code when nothing listens', async () => {
    const srv = http.createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    await new Promise<void>((r) => srv.close(() => r()));
    const err = await httpRequest({ url: `http://127.0.0.1:${port}/` }).catch((e) => e);
    expect(err).toBeInstanceOf(ProbeError);
    expect(err.code).toBe('probe/connection-refused');
  });

  it('gives up at the deadline', async () => {
    const srv = http.createServer(() => {}); // never answers
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    const t0 = Date.now();
    const err = await httpRequest({ url: `http://127.0.0.1:${port}/`, timeoutMs: 150 }).catch((e) => e);
    srv.closeAllConnections();
    srv.close();
    expect(err.code).toBe('probe/timeout');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('rejects non-HTTP URLs', async () => {
    await expect(httpRequest({ url: 'ftp://127.0.0.1/' })).rejects.toMatchObject({ code: 'probe/unsupported-url' });
  });
});
