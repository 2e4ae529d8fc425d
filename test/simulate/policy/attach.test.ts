import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/model/manifest.js';
import { type PolicyTarget, resolvePolicy } from '../../../src/simulate/policy/index.js';

const btp = (name: string, spec: Record<string, unknown>, meta: Record<string, unknown> = {}): Manifest => ({
  apiVersion: 'gateway.envoyproxy.io/v1alpha1',
  kind: 'BackendTrafficPolicy',
  metadata: { name, namespace: 'app', ...meta },
  spec,
});
const ref = (kind: string, name: string, sectionName?: string) => ({
  group: 'gateway.networking.k8s.io',
  kind,
  name,
  ...(sectionName ? { sectionName } : {}),
});
const cb = (n: number) => ({ circuitBreaker: { maxConnections: n } });

const target: PolicyTarget = {
  gateway: { namespace: 'app', name: 'gw', labels: { tier: 'edge' } },
  listener: 'http',
  listenerNames: ['http', 'https'],
  route: { namespace: 'app', name: 'r', labels: { team: 'a' } },
  ruleName: 'tasks',
  ruleNames: ['tasks', 'v1'],
};

describe('resolvePolicy: precedence', () => {
  it.each([
    [
      'route rule (sectionName) beats route',
      [
        btp('p-route', { targetRefs: [ref('HTTPRoute', 'r')] }),
        btp('p-rule', { targetRefs: [ref('HTTPRoute', 'r', 'tasks')] }),
      ],
      'app/p-rule',
      'route-rule',
    ],
    [
      'route beats listener',
      [
        btp('p-listener', { targetRefs: [ref('Gateway', 'gw', 'http')] }),
        btp('p-route', { targetRefs: [ref('HTTPRoute', 'r')] }),
      ],
      'app/p-route',
      'route',
    ],
    [
      'listener beats gateway',
      [
        btp('p-gw', { targetRefs: [ref('Gateway', 'gw')] }),
        btp('p-listener', { targetRefs: [ref('Gateway', 'gw', 'http')] }),
      ],
      'app/p-listener',
      'listener',
    ],
    [
      'gateway applies when nothing more specific does',
      [btp('p-gw', { targetRefs: [ref('Gateway', 'gw')] })],
      'app/p-gw',
      'gateway',
    ],
    [
      'targetSelectors by route labels',
      [btp('p-sel', { targetSelectors: [{ kind: 'HTTPRoute', matchLabels: { team: 'a' } }] })],
      'app/p-sel',
      'route',
    ],
    [
      'targetSelectors by gateway labels (matchExpressions)',
      [
        btp('p-sel', {
          targetSelectors: [{ kind: 'Gateway', matchExpressions: [{ key: 'tier', operator: 'In', values: ['edge'] }] }],
        }),
      ],
      'app/p-sel',
      'gateway',
    ],
  ])('%s', (_, policies, key, level) => {
    const r = resolvePolicy(policies, target);
    expect(r.effective?.key).toBe(key);
    expect(r.effective?.level).toBe(level);
  });

  it.each([
    ['another namespace', btp('p', { targetRefs: [ref('HTTPRoute', 'r')] }, { namespace: 'other' })],
    ['another rule', btp('p', { targetRefs: [ref('HTTPRoute', 'r', 'v1')] })],
    ['another listener', btp('p', { targetRefs: [ref('Gateway', 'gw', 'https')] })],
    ['labels that do not match', btp('p', { targetSelectors: [{ kind: 'HTTPRoute', matchLabels: { team: 'b' } }] })],
    ['a misspelled route', btp('p', { targetRefs: [ref('HTTPRoute', 'rr')] })],
  ])('does not attach from %s', (_, p) => expect(resolvePolicy([p], target).effective).toBeUndefined());

  it('the overridden gateway policy is reported', () => {
    const r = resolvePolicy(
      [btp('p-gw', { targetRefs: [ref('Gateway', 'gw')] }), btp('p-route', { targetRefs: [ref('HTTPRoute', 'r')] })],
      target,
    );
    expect(r.overridden.map((o) => o.key)).toEqual(['app/p-gw']);
  });
});

describe('resolvePolicy: conflicts and invalid policies', () => {
  it('two policies on the same route: the older wins, the other is Conflicted and ignored', () => {
    const older = btp(
      'zeta',
      { targetRefs: [ref('HTTPRoute', 'r')], ...cb(1) },
      { creationTimestamp: '2026-01-01T00:00:00Z' },
    );
    const newer = btp(
      'alpha',
      { targetRefs: [ref('HTTPRoute', 'r')], ...cb(2) },
      { creationTimestamp: '2026-02-01T00:00:00Z' },
    );
    const r = resolvePolicy([newer, older], target);
    expect(r.effective?.key).toBe('app/zeta');
    expect(r.conflicted.map((c) => [c.key, c.winner])).toEqual([['app/alpha', 'app/zeta']]);
  });

  it('same creation time: alphabetical by name wins', () => {
    const r = resolvePolicy(
      [btp('b', { targetRefs: [ref('HTTPRoute', 'r')] }), btp('a', { targetRefs: [ref('HTTPRoute', 'r')] })],
      target,
    );
    expect(r.effective?.key).toBe('app/a');
    expect(r.conflicted.map((c) => c.key)).toEqual(['app/b']);
  });

  it('a sectionName that names no rule is TargetNotFound, not attached', () => {
    const r = resolvePolicy([btp('p', { targetRefs: [ref('HTTPRoute', 'r', 'nope')] })], target);
    expect(r.effective).toBeUndefined();
    expect(r.targetNotFound[0].message).toBe('No section name nope found for HTTPRoute app/r');
  });

  it.each([
    [
      'local unit not a multiple of the default',
      {
        local: {
          rules: [
            { limit: { requests: 1, unit: 'Minute' } },
            {
              clientSelectors: [{ headers: [{ name: 'x', type: 'Distinct' }] }],
              limit: { requests: 1, unit: 'Second' },
            },
          ],
        },
      },
      /multiple of the default limit unit/,
    ],
    [
      'more than one selector-less local rule',
      { local: { rules: [{ limit: { requests: 1, unit: 'Minute' } }, { limit: { requests: 2, unit: 'Minute' } }] } },
      /more than one rule without clientSelectors/,
    ],
    [
      'Distinct with invert',
      {
        local: {
          rules: [
            {
              clientSelectors: [{ headers: [{ name: 'x', type: 'Distinct', invert: true }] }],
              limit: { requests: 1, unit: 'Minute' },
            },
          ],
        },
      },
      /Invert is not applicable/,
    ],
    [
      'Distinct with a value',
      {
        local: {
          rules: [
            {
              clientSelectors: [{ headers: [{ name: 'x', type: 'Distinct', value: 'v' }] }],
              limit: { requests: 1, unit: 'Minute' },
            },
          ],
        },
      },
      /missing a value/,
    ],
  ])('an invalid policy (%s) makes its routes answer 500', (_, rateLimit, msg) => {
    const r = resolvePolicy([btp('p', { targetRefs: [ref('HTTPRoute', 'r')], rateLimit })], target);
    expect(r.status500).toMatch(msg);
  });

  it('global without the rate-limit service is invalid only when told so', () => {
    const p = btp('p', {
      targetRefs: [ref('HTTPRoute', 'r')],
      rateLimit: { global: { rules: [{ limit: { requests: 1, unit: 'Minute' } }] } },
    });
    expect(resolvePolicy([p], target).status500).toBeUndefined();
    expect(resolvePolicy([p], target, { rateLimitService: false }).status500).toMatch(/enable Ratelimit/);
  });

  it('the tutorial policy (literal "*" with invert) is valid: it translates, it just does not do what it says', () => {
    const rl = {
      local: {
        rules: [
          {
            clientSelectors: [{ headers: [{ name: 'x-user-id', value: '*' }] }],
            limit: { requests: 100, unit: 'Minute' },
          },
          {
            clientSelectors: [{ headers: [{ name: 'x-user-id', value: '*', invert: true }] }],
            limit: { requests: 10, unit: 'Minute' },
          },
        ],
      },
    };
    const r = resolvePolicy([btp('p', { targetRefs: [ref('HTTPRoute', 'r')], rateLimit: rl })], target);
    expect(r.status500).toBeUndefined();
    expect(r.effective?.problems).toEqual([]);
  });
});
