import { describe, expect, it } from 'vitest';
import {
  circuitBreakerOf,
  desiredReplicas,
  HPA_BEHAVIOR_DEFAULTS,
  nextReplicas,
  simulateCircuitBreaker,
  stabilizedDown,
} from '../../../src/simulate/policy/index.js';

describe('simulateCircuitBreaker', () => {
  const tutorial = { maxConnections: 50, maxParallelRequests: 25, maxPendingRequests: 5 };
  it.each([
    [tutorial, 20, { served: 20, queued: 0, rejected: 0 }],
    [tutorial, 30, { served: 25, queued: 0, rejected: 5 }],
    [tutorial, 60, { served: 25, queued: 5, rejected: 30 }],
    [
      { maxConnections: 10, maxParallelRequests: 100, maxPendingRequests: 5 },
      20,
      { served: 10, queued: 5, rejected: 5 },
    ],
    [circuitBreakerOf(), 3000, { served: 1024, queued: 1024, rejected: 952 }],
  ])('%o with %i concurrent', (t, n, want) => {
    const o = simulateCircuitBreaker(t, n);
    expect({ served: o.served, queued: o.queued, rejected: o.rejected }).toEqual(want);
    if (o.rejected) expect(o.explanation).toMatch(/x-envoy-overloaded/);
  });

  it('reads thresholds from a BTP with 1024 defaults', () => {
    const btp = {
      apiVersion: 'v',
      kind: 'BackendTrafficPolicy',
      metadata: {},
      spec: { circuitBreaker: { maxConnections: 50 } },
    };
    expect(circuitBreakerOf(btp)).toEqual({ maxConnections: 50, maxPendingRequests: 1024, maxParallelRequests: 1024 });
  });
});

describe('desiredReplicas', () => {
  it.each([
    [
      'AverageValue: ceil(value/threshold)',
      { value: 120, threshold: 50, current: 1, minReplicas: 1, maxReplicas: 10 },
      3,
    ],
    ['clamped to max', { value: 5000, threshold: 50, current: 4, minReplicas: 1, maxReplicas: 10 }, 10],
    [
      'clamped to min (at least 1 for the HPA)',
      { value: 1, threshold: 50, current: 3, minReplicas: 1, maxReplicas: 10 },
      1,
    ],
    ['within 10% tolerance: unchanged', { value: 105, threshold: 50, current: 2, minReplicas: 1, maxReplicas: 10 }, 2],
    ['just outside tolerance', { value: 111, threshold: 50, current: 2, minReplicas: 1, maxReplicas: 10 }, 3],
    [
      'Value: ceil(value/threshold × current)',
      { value: 3, threshold: 2, metricType: 'Value' as const, current: 4, minReplicas: 1, maxReplicas: 20 },
      6,
    ],
    [
      'min 0 and not above activation: 0',
      { value: 5, threshold: 50, current: 2, minReplicas: 0, activationThreshold: 5 },
      0,
    ],
    [
      'min 0, active at 0 replicas: 1',
      { value: 6, threshold: 50, current: 0, minReplicas: 0, activationThreshold: 5 },
      1,
    ],
  ])('%s', (_, input, want) => expect(desiredReplicas(input).desired).toBe(want));
});

describe('HPA behavior', () => {
  it('defaults: scaleUp 0 s window, max(4 pods, 100%) per 15 s; scaleDown 300 s window, 100% per 15 s', () => {
    expect(HPA_BEHAVIOR_DEFAULTS.scaleUp.stabilizationWindowSeconds).toBe(0);
    expect(HPA_BEHAVIOR_DEFAULTS.scaleDown.stabilizationWindowSeconds).toBe(300);
    expect(nextReplicas(1, 10)).toBe(5); // +4 pods beats +100% (1)
    expect(nextReplicas(6, 40)).toBe(12); // +100% (6) beats +4
    expect(nextReplicas(10, 1)).toBe(1); // -100%
    expect(nextReplicas(2, 8, { scaleUp: { policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } })).toBe(3);
    expect(nextReplicas(4, 1, { scaleDown: { selectPolicy: 'Disabled' } })).toBe(4);
  });

  it('scale-down stabilization takes the highest recommendation in the window', () => {
    const recs = [
      { at: 0, replicas: 8 },
      { at: 100_000, replicas: 3 },
      { at: 200_000, replicas: 2 },
    ];
    expect(stabilizedDown(recs, 250_000)).toBe(8);
    expect(stabilizedDown(recs, 350_000)).toBe(3);
  });
});
