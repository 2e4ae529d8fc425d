import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { burstPredictor, rateLimitWindowsFrom, verifyCriteria } from '../../../src/criteria/live/index.js';
import type { Manifest } from '../../../src/model/manifest.js';
import { BurstCheck, Criterion } from '../../../src/spec/checks.js';
import { startTaskApiServer, type TaskApiServer } from '../../fixtures/live/task-api-server.mjs';

// The rate limit traffic-engineer generates for the Task API example (local rules, per Envoy replica).
const BTP = {
  apiVersion: 'gateway.envoyproxy.io/v1alpha1',
  kind: 'BackendTrafficPolicy',
  metadata: { name: 'task-api-protection', namespace: 'task-api' },
  spec: {
    targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'task-api-route' }],
    rateLimit: {
      local: {
        rules: [
          {
            clientSelectors: [{ headers: [{ name: 'x-user-id', type: 'Distinct' }] }],
            limit: { requests: 100, unit: 'Minute' },
          },
          {
            clientSelectors: [
              { headers: [{ name: 'x-user-id', type: 'RegularExpression', value: '.*', invert: true }] },
            ],
            limit: { requests: 10, unit: 'Minute' },
          },
        ],
      },
    },
  },
} as unknown as Manifest;

const burst = (headers: Record<string, string>, count: number) =>
  BurstCheck.parse({
    kind: 'burst',
    url: 'http://localhost:8080/api/tasks',
    headers,
    count,
    expect: { counts: { '429': 1 } },
  });

describe('burstPredictor', () => {
  it('simulates the policy on the burst, after what the run already sent', () => {
    const predict = burstPredictor([BTP])!;
    expect(predict(burst({ 'x-user-id': 'test' }, 110), { criterionId: 'SC-002', alreadySent: 0 })).toEqual({
      counts: { '200': 100, '429': 10 },
      source: 'simulator (BackendTrafficPolicy task-api/task-api-protection)',
    });
    expect(predict(burst({}, 15), { criterionId: 'SC-002', alreadySent: 3 })?.counts).toEqual({ '200': 7, '429': 8 });
  });

  it('predicts nothing without exactly one rate-limiting policy', () => {
    expect(burstPredictor([])).toBeUndefined();
    expect(burstPredictor([BTP, { ...BTP, metadata: { name: 'other' } } as Manifest])).toBeUndefined();
  });
});

describe('rateLimitWindowsFrom', () => {
  it('reads the identity header and the windows, not the limits', () => {
    expect(rateLimitWindowsFrom([BTP])).toEqual({
      header: 'x-user-id',
      perKey: { '*': { windowSeconds: 60 }, anonymous: { windowSeconds: 60 } },
    });
    const hourly = structuredClone(BTP) as unknown as {
      spec: { rateLimit: { local: { rules: { limit: { unit: string } }[] } } };
    };
    hourly.spec.rateLimit.local.rules[1].limit.unit = 'Hour';
    expect(rateLimitWindowsFrom([hourly as unknown as Manifest])?.perKey?.anonymous).toEqual({ windowSeconds: 3600 });
    expect(rateLimitWindowsFrom([])).toBeUndefined();
  });
});

describe('verifyCriteria with the simulator', () => {
  let api: TaskApiServer | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('reports agreement between observed and predicted counts, including the run’s own earlier requests', async () => {
    const criteria = Criterion.array().parse(
      JSON.parse(readFileSync('test/fixtures/live/task-api-criteria.json', 'utf8')),
    );
    const only = criteria.filter((c) => ['SC-001', 'SC-002', 'SC-005'].includes(c.id));
    api = await startTaskApiServer({ limit: { perKey: 100, anonymous: 10 } });
    const r = await verifyCriteria(only, {
      origins: { 'http://localhost:8080': api.url },
      prediction: burstPredictor([BTP]),
    });
    const sc2 = r.criteria.find((c) => c.id === 'SC-002')!;
    expect(sc2.checks[0].explanation).toMatch(
      /simulator \(BackendTrafficPolicy task-api\/task-api-protection\): 100×200, 10×429 — agrees/,
    );
    expect(sc2.checks[1].expected).toMatchObject({ predicted: { '200': 8, '429': 7 } });
    expect(sc2.checks[1].explanation).toMatch(/8×200, 7×429 — agrees/);
  });
});
