import { describe, expect, it } from 'vitest';
import { formatResultText, parseRequestsJson } from '../../../src/simulate/route/index.js';

describe('requests file', () => {
  it('accepts a plain array of requests, dropping extra fields like expect', () => {
    const { requests, diagnostics } = parseRequestsJson(
      JSON.stringify([
        { name: 'a', port: 80, scheme: 'http', host: 'x', path: '/', expect: { status: 200 }, note: 'n' },
      ]),
    );
    expect(diagnostics).toEqual([]);
    expect(requests).toEqual([{ name: 'a', port: 80, scheme: 'http', host: 'x', path: '/' }]);
  });

  it('takes the requests of an array of cases, in order', () => {
    const cases = [
      {
        test: 'A',
        requests: [
          { port: 80, scheme: 'http', path: '/1' },
          { port: 80, scheme: 'http', path: '/2' },
        ],
      },
      { test: 'B', requests: [{ port: 443, scheme: 'https', sni: 's', path: '/3' }] },
    ];
    expect(parseRequestsJson(JSON.stringify(cases)).requests.map((r) => r.path)).toEqual(['/1', '/2', '/3']);
  });

  it('reports invalid JSON and invalid requests as diagnostics with a path', () => {
    expect(parseRequestsJson('{').diagnostics[0].code).toBe('simulate/requests-not-json');
    expect(parseRequestsJson('3').diagnostics[0].code).toBe('simulate/requests-shape');
    const bad = parseRequestsJson(JSON.stringify([{ test: 'A', requests: [{ port: 80, scheme: 'ftp', path: '/' }] }]));
    expect(bad.requests).toEqual([]);
    expect(bad.diagnostics[0]).toMatchObject({ code: 'simulate/invalid-request', path: '[0].requests[0].scheme' });
  });

  it('formats one line per result', () => {
    const line = formatResultText(
      { name: 'n', port: 80, scheme: 'http', host: 'a.example', path: '/x', method: 'GET' },
      { status: 200, backend: 'ns/svc', gateway: 'ns/gw', listener: 'http', route: 'ns/r', rule: 1, match: 0 },
    );
    expect(line).toBe(
      'n: GET http://a.example/x (port 80) → 200 → ns/svc [listener http, route ns/r, rule 1, match 0]',
    );
    expect(
      formatResultText({ port: 80, scheme: 'http', path: '/' }, { status: 404, listener: 'http', reason: 'no route' }),
    ).toContain('— no route');
  });
});
