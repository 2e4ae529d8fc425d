import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promQuery } from '../../src/probe/index.js';

// Answers shaped like the Prometheus HTTP API (https://prometheus.io/docs/prometheus/latest/querying/api/).
const ANSWERS: Record<string, unknown> = {
  'sum(rate(http_requests_total[1m]))': {
    status: 'success',
    data: { resultType: 'vector', result: [{ metric: {}, value: [1700000000.1, '42.5'] }] },
  },
  http_requests_total: {
    status: 'success',
    data: {
      resultType: 'vector',
      result: [
        { metric: { __name__: 'http_requests_total', code: '200' }, value: [1700000000.1, '7'] },
        { metric: { __name__: 'http_requests_total', code: '429' }, value: [1700000000.1, '3'] },
      ],
    },
  },
  '1+1': { status: 'success', data: { resultType: 'scalar', result: [1700000000.1, '2'] } },
};
let srv: http.Server;
let base: string;
beforeAll(async () => {
  srv = http.createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams.get('query') ?? '';
    const a = ANSWERS[q];
    res.writeHead(a ? 200 : 400, { 'content-type': 'application/json' });
    res.end(JSON.stringify(a ?? { status: 'error', errorType: 'bad_data', error: 'parse error' }));
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(srv.address() as { port: number }).port}`;
});
afterAll(() => srv.close());

describe('promQuery', () => {
  it('reads a single-sample vector as a value', async () => {
    const r = await promQuery(base, 'sum(rate(http_requests_total[1m]))');
    expect(r).toMatchObject({ resultType: 'vector', value: 42.5 });
  });
  it('keeps all samples of a multi-sample vector, without a single value', async () => {
    const r = await promQuery(`${base}/`, 'http_requests_total');
    expect(r.samples.map((s) => s.value)).toEqual([7, 3]);
    expect(r.value).toBeUndefined();
  });
  it('reads scalars', async () => {
    expect((await promQuery(base, '1+1')).value).toBe(2);
  });
  it('throws a ProbeError for an API error', async () => {
    await expect(promQuery(base, 'sum(')).rejects.toMatchObject({ code: 'probe/prometheus-error' });
  });
});
