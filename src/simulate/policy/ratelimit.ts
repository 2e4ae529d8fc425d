/**
 * Rate-limit simulation of a timed request sequence against one BackendTrafficPolicy.
 *
 * Local (Envoy local_ratelimit, per route and per Envoy replica): each rule is a descriptor with
 * its own token bucket of `requests` tokens (starts full, refills `requests` per unit — see
 * `RateLimitOptions.refill`); a Distinct rule has one bucket per value. Per request, Envoy sorts
 * the matching descriptors by fill rate (strictest first) and takes a token from each in turn;
 * the first empty bucket refuses the request (429) and the buckets after it are not touched.
 * The route default bucket (the first selector-less rule, else 4294967295/Second) is used only by
 * requests that match no other rule (EG sets AlwaysConsumeDefaultTokenBucket=false).
 *
 * Global (the rate-limit service, shared by all replicas): fixed windows aligned to the unit
 * (`floor(t / unit)`); every matching rule's counter is incremented and the request is refused
 * when any is over its limit. Buckets are per route unless `shared: true` (EG honours `shared` for
 * global rules; local buckets stay per route). Local runs first; a
 * request refused locally never reaches the global service.
 */
import type { Manifest } from '../../model/manifest.js';
import { activeScopes, descriptorOf, type RateLimitRule, readRules } from './rules.js';
import type { BucketRef, RateLimitDecision, RateLimitOptions, RateLimitRequest, RateLimitUnit } from './types.js';
import { unitMs } from './units.js';
import { rateLimitProblems } from './validate.js';

type Raw = Record<string, unknown>;

const UNLIMITED = { requests: 4294967295, unit: 'Second' as RateLimitUnit };

interface Bucket {
  tokens: number;
  last: number;
}

class LocalBuckets {
  private readonly buckets = new Map<string, Bucket>();
  constructor(private readonly mode: 'continuous' | 'interval') {}

  /** Takes one token; false when the bucket is empty. */
  take(key: string, limit: { requests: number; unit: RateLimitUnit }, t: number): boolean {
    const max = limit.requests;
    const len = unitMs(limit.unit);
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: max, last: t };
      this.buckets.set(key, b);
    } else if (this.mode === 'continuous') {
      b.tokens = Math.min(max, b.tokens + ((t - b.last) * max) / len);
      b.last = t;
    } else {
      const fills = Math.floor(t / len) - Math.floor(b.last / len);
      if (fills > 0) b.tokens = Math.min(max, b.tokens + fills * max);
      b.last = t;
    }
    if (b.tokens >= 1 - 1e-9) {
      b.tokens -= 1;
      return true;
    }
    return false;
  }
}

function ref(rule: RateLimitRule, key: string, limit: BucketRef['limit']): BucketRef {
  return { scope: rule.scope, rule: rule.index, bucket: key, limit };
}

function fillRate(l: { requests: number; unit: RateLimitUnit }): number {
  return l.requests / unitMs(l.unit);
}

function specOf(policy: Manifest | { rateLimit?: Raw }): Raw {
  return ('kind' in policy ? ((policy as { spec?: Raw }).spec ?? {}) : policy) as Raw;
}

/** Per request: 200 or 429 (500 when the policy is invalid), which rule and bucket decided, what was consumed. Pure. */
export function simulateRateLimit(
  policy: Manifest | { rateLimit?: Raw },
  requests: readonly RateLimitRequest[],
  opts: RateLimitOptions = {},
): RateLimitDecision[] {
  const rateLimit = specOf(policy).rateLimit as Raw | undefined;
  const replicas = Math.max(1, opts.envoyReplicas ?? 1);
  const replicaOf = opts.replicaOf ?? ((i: number) => i % replicas);
  const problems = rateLimitProblems(rateLimit, { rateLimitService: opts.rateLimitService });
  if (problems.length > 0) {
    const reason = `policy is invalid (Accepted=False, reason Invalid; the route answers 500): ${problems.map((p) => p.message).join('; ')}`;
    return requests.map((_, index) => ({
      index,
      status: 500,
      replica: replicaOf(index),
      consumed: [],
      matched: [],
      reason,
    }));
  }
  const scopes = activeScopes(rateLimit);
  const local = scopes.includes('local') ? readRules(rateLimit, 'local') : [];
  const global = scopes.includes('global') ? readRules(rateLimit, 'global') : [];
  const defaultRule = local.find((r) => r.selectors.length === 0);
  const localDescriptors = local.filter((r) => r !== defaultRule);
  const buckets = new LocalBuckets(opts.refill ?? 'continuous');
  const counters = new Map<string, number>();

  return requests.map((req, index) => {
    const replica = replicaOf(index);
    const matched: BucketRef[] = [];
    const consumed: BucketRef[] = [];
    if (local.length > 0) {
      const hits = localDescriptors
        .map((rule) => ({ rule, key: descriptorOf(rule, req) }))
        .filter((h): h is { rule: RateLimitRule; key: string } => h.key !== null)
        .map((h) => ({
          rule: h.rule,
          ref: ref(
            h.rule,
            `local ${req.route} rule ${h.rule.index}${h.key ? ` ${h.key}` : ''} replica ${replica}`,
            h.rule.limit,
          ),
        }))
        .sort((a, b) => fillRate(a.rule.limit) - fillRate(b.rule.limit));
      matched.push(...hits.map((h) => h.ref));
      for (const h of hits) {
        if (!buckets.take(h.ref.bucket, h.rule.limit, req.t)) {
          if (h.rule.shadowMode) continue;
          return { index, status: 429, replica, decidedBy: h.ref, consumed, matched };
        }
        consumed.push(h.ref);
      }
      if (hits.length === 0) {
        const limit = defaultRule?.limit ?? UNLIMITED;
        const d: BucketRef = {
          scope: 'local',
          rule: 'default',
          ...(defaultRule ? { defaultRule: defaultRule.index } : {}),
          bucket: `local ${req.route} default replica ${replica}`,
          limit,
        };
        matched.push(d);
        if (!buckets.take(d.bucket, limit, req.t) && !defaultRule?.shadowMode)
          return { index, status: 429, replica, decidedBy: d, consumed, matched };
        consumed.push(d);
      }
    }
    let refusedBy: BucketRef | undefined;
    for (const rule of global) {
      const key = descriptorOf(rule, req);
      if (key === null) continue;
      const len = unitMs(rule.limit.unit);
      const window = Math.floor(req.t / len);
      const r = ref(
        rule,
        `global ${rule.shared ? 'shared' : req.route} rule ${rule.index}${key ? ` ${key}` : ''} window ${window}`,
        rule.limit,
      );
      const n = (counters.get(r.bucket) ?? 0) + 1;
      counters.set(r.bucket, n);
      matched.push(r);
      consumed.push(r);
      if (n > rule.limit.requests && !rule.shadowMode && !refusedBy) refusedBy = r;
    }
    if (refusedBy) return { index, status: 429, replica, decidedBy: refusedBy, consumed, matched };
    const decidedBy = consumed.slice().sort((a, b) => fillRate(a.limit) - fillRate(b.limit))[0];
    return { index, status: 200, replica, decidedBy, consumed, matched };
  });
}

/** `100 × 200, 10 × 429`: counts per status, in status order. */
export function statusCounts(decisions: readonly { status: number }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of decisions) out[String(d.status)] = (out[String(d.status)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => Number(a) - Number(b)));
}

export function formatCounts(counts: Record<string, number>): string {
  const parts = Object.entries(counts).map(([s, n]) => `${n} × ${s}`);
  return parts.length ? parts.join(', ') : 'no requests';
}
