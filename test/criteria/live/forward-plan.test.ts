import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planForwards } from '../../../src/criteria/live/index.js';
import type { Manifest } from '../../../src/model/manifest.js';
import { Criterion } from '../../../src/spec/checks.js';

const criteria = Criterion.array().parse(JSON.parse(readFileSync('test/fixtures/live/task-api-criteria.json', 'utf8')));
const gateway = (listeners: object[]) =>
  ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'task-api-gateway', namespace: 'task-api' },
    spec: { listeners },
  }) as unknown as Manifest;

describe('planForwards', () => {
  it('sends each local origin to the listener of its protocol', () => {
    const gw = gateway([
      { name: 'http', protocol: 'HTTP', port: 80 },
      { name: 'https', protocol: 'HTTPS', port: 443 },
    ]);
    expect(planForwards(criteria, gw)).toEqual({
      forwards: [
        { origin: 'http://localhost:8080', scheme: 'http', servicePort: 80, listener: 'http' },
        { origin: 'https://localhost:8443', scheme: 'https', servicePort: 443, listener: 'https' },
      ],
      problems: [],
    });
  });

  it('prefers the listener with the same port, skips origins mapped with --origin, and reports ambiguity', () => {
    const gw = gateway([
      { name: 'a', protocol: 'HTTP', port: 80 },
      { name: 'b', protocol: 'HTTP', port: 8080 },
    ]);
    const r = planForwards(criteria, gw);
    expect(r.forwards).toEqual([{ origin: 'http://localhost:8080', scheme: 'http', servicePort: 8080, listener: 'b' }]);
    expect(r.problems).toEqual(['https://localhost:8443: Gateway task-api/task-api-gateway has no HTTPS listener']);
    const mapped = planForwards(criteria, gw, { 'http://localhost:8080': 'http://10.0.0.1:80' });
    expect(mapped.forwards.map((f) => f.origin)).toEqual([]);
    const two = planForwards(
      criteria.filter((c) => c.id === 'SC-005'),
      gateway([
        { name: 'a', protocol: 'HTTP', port: 80 },
        { name: 'b', protocol: 'HTTP', port: 81 },
      ]),
    );
    expect(two.problems[0]).toMatch(/has 2 HTTP listeners \(80, 81\); map it with --origin/);
  });
});
