import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { burst } from '../../src/probe/index.js';
import { startTaskApiServer, type TaskApiServer } from '../fixtures/live/task-api-server.mjs';

let api: TaskApiServer | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('burst', () => {
  it('counts statuses in send order and finds the first 429', async () => {
    api = await startTaskApiServer({ limit: { perKey: 100, anonymous: 10 } });
    const r = await burst({ url: `${api.url}/api/tasks`, headers: { 'x-user-id': 'test' }, count: 110 });
    expect(r.sent).toBe(110);
    expect(r.counts).toEqual({ '200': 100, '429': 10 });
    expect(r.statuses.slice(98, 102)).toEqual([200, 200, 429, 429]);
    expect(r.first429Index).toBe(100);
    expect(r.rateLimitHeaders['retry-after']).toMatch(/^\d+$/);
    expect(r.stoppedBy).toBe('count');
  });

  it('keeps identities apart and supports concurrency', async () => {
    api = await startTaskApiServer({ limit: { perKey: 100, anonymous: 10 } });
    const anon = await burst({ url: `${api.url}/api/tasks`, count: 15, concurrency: 4 });
    expect(anon.counts).toEqual({ '200': 10, '429': 5 });
    const user = await burst({ url: `${api.url}/api/tasks`, headers: { 'x-user-id': 'u' }, count: 20, concurrency: 4 });
    expect(user.counts).toEqual({ '200': 20 });
    expect(user.first429Index).toBeNull();
  });

  it('stops at the time budget', async () => {
    const srv = http.createServer((_req, res) => setTimeout(() => res.end('slow'), 100));
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    const r = await burst({ url: `http://127.0.0.1:${port}/`, count: 1000, timeBudgetMs: 350 });
    srv.closeAllConnections();
    srv.close();
    expect(r.stoppedBy).toBe('time');
    expect(r.sent).toBeGreaterThan(0);
    expect(r.sent).toBeLessThan(10);
    expect(r.durationMs).toBeLessThan(2000);
  });

  it('counts failed requests under "error"', async () => {
    const srv = http.createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    await new Promise<void>((r) => srv.close(() => r()));
    const r = await burst({ url: `http://127.0.0.1:${port}/`, count: 3 });
    expect(r.counts).toEqual({ error: 3 });
    expect(r.errors[0].code).toBe('probe/connection-refused');
  });
});
