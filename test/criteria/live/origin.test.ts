import { describe, expect, it } from 'vitest';
import { mapOrigin, parseOrigins } from '../../../src/criteria/live/index.js';

describe('parseOrigins', () => {
  it('reads FROM=TO pairs as origins', () => {
    const r = parseOrigins([
      'http://localhost:8080=http://127.0.0.1:18080',
      'https://localhost:8443/=https://127.0.0.1:18443',
    ]);
    expect(r.errors).toEqual([]);
    expect(r.origins).toEqual({
      'http://localhost:8080': 'http://127.0.0.1:18080',
      'https://localhost:8443': 'https://127.0.0.1:18443',
    });
  });
  it('reports malformed flags', () => {
    expect(parseOrigins(['localhost:8080', 'http://a=ftp://b']).errors).toHaveLength(2);
  });
});

describe('mapOrigin', () => {
  const origins = {
    'http://localhost:8080': 'http://127.0.0.1:18080',
    'https://localhost:8443': 'https://127.0.0.1:18443',
  };
  it('re-points the origin and keeps path, query, Host and SNI', () => {
    expect(mapOrigin('https://localhost:8443/api/tasks?x=1', origins)).toEqual({
      original: 'https://localhost:8443/api/tasks?x=1',
      url: 'https://127.0.0.1:18443/api/tasks?x=1',
      mapped: true,
      hostHeader: 'localhost:8443',
      servername: 'localhost',
    });
  });
  it('leaves other origins alone', () => {
    expect(mapOrigin('http://localhost:9090/x', origins)).toMatchObject({
      url: 'http://localhost:9090/x',
      mapped: false,
    });
    expect(mapOrigin('http://127.0.0.1:1/x').servername).toBeUndefined();
  });
});
