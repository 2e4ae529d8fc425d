import type { BurstCheck } from '../checks.js';
import type { TrafficSpecInput } from '../schema/index.js';
import { type Cited, checksOf, type Evidence, type Notes } from './draft.js';

type RateLimitInput = NonNullable<TrafficSpecInput['rateLimit']>;
type TierInput = RateLimitInput['tiers'][number];
type Unit = 'Second' | 'Minute' | 'Hour' | 'Day';

const RATE =
  /\b(\d[\d,]{0,12})(?:\s{0,3}(?:requests?|reqs?|calls?))?\s{0,3}(?:\/|per|a|an|each|every)\s{0,3}(second|sec|s|minute|min|hour|hr|h|day)\b/gi;
const UNITS: Record<string, Unit> = {
  s: 'Second',
  sec: 'Second',
  second: 'Second',
  min: 'Minute',
  minute: 'Minute',
  h: 'Hour',
  hr: 'Hour',
  hour: 'Hour',
  day: 'Day',
};
const ANONYMOUS = /anonymous|unauthenticated|without (?:the |a |an )?(?:[`\w-]+ )?header|no (?:[`\w-]+ )?header/i;
const NOT_IDENTITY = new Set([
  'content-type',
  'accept',
  'host',
  'user-agent',
  'accept-encoding',
  'connection',
  'cache-control',
]);

/** Sentences of a text with the request rates they state. */
function rates(text: string): { sentence: string; requests: number; unit: Unit }[] {
  const out: { sentence: string; requests: number; unit: Unit }[] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+|\n/).filter((x) => x.length <= 2000))
    for (const m of sentence.matchAll(RATE))
      out.push({ sentence, requests: Number(m[1].replace(/,/g, '')), unit: UNITS[m[2].toLowerCase()] });
  return out;
}

/** The header that identifies a client: from a burst's headers or the prose ("identified by x-user-id"). */
function identityHeader(ev: Evidence, bursts: readonly Cited<BurstCheck>[]): string | undefined {
  for (const b of bursts) {
    const h = Object.keys(b.check.headers).find((k) => !NOT_IDENTITY.has(k.toLowerCase()));
    if (h) return h;
  }
  const text = ev.criteria.map((c) => c.description ?? '').join('\n');
  return (
    /identified by (?:the |an? )?`?([A-Za-z][\w-]*)`? header/i.exec(text)?.[1] ??
    /`?\b(x-[\w-]+)`? header/i.exec(text)?.[1]
  );
}

/** The limit a burst implies: the count of 2xx it expects, else the requests not refused with 429. */
function impliedLimit(b: BurstCheck): number | undefined {
  const ok = Object.entries(b.expect.counts).find(([code]) => code.startsWith('2'));
  if (ok) return ok[1];
  const refused = b.expect.counts['429'];
  return refused === undefined ? undefined : b.count - refused;
}

/**
 * Rate-limit tiers from burst checks: a burst with an identity header gives a per-client tier
 * keyed by that header; one without gives the anonymous tier (header absent). The limit is what
 * the counts imply (110 requests with 10 × 429 → 100); the window comes from the criterion's prose
 * ("100 requests/minute") or is a TODO. Tiers the prose states but no command checks are added too.
 */
export function draftRateLimit(ev: Evidence, notes: Notes): RateLimitInput | undefined {
  const bursts = checksOf(ev, 'burst');
  const header = identityHeader(ev, bursts);
  const tiers: TierInput[] = [];
  const describe = (id: string) => ev.criteria.find((c) => c.id === id)?.description ?? '';

  for (const b of bursts) {
    const limit = impliedLimit(b.check);
    const own = Object.keys(b.check.headers).find((k) => !NOT_IDENTITY.has(k.toLowerCase()));
    const kind = own ? 'per-client' : 'anonymous';
    if (tiers.some((t) => t.name === (own ? 'per-user' : 'anonymous'))) continue;
    const i = tiers.length;
    const fits = rates(describe(b.id)).filter((r) => r.requests === limit);
    const unit = (fits.find((r) => ANONYMOUS.test(r.sentence) === !own) ?? fits[0])?.unit;
    const tier: TierInput = {
      name: own ? 'per-user' : 'anonymous',
      ...(own ? { key: { header: own } } : header ? { match: { headerAbsent: header } } : {}),
      limit: { requests: limit ?? 0, unit: unit ?? 'Minute' },
    };
    tiers.push(tier);
    const counts = Object.entries(b.check.expect.counts)
      .map(([c, n]) => `${n} × ${c}`)
      .join(', ');
    notes.note(['rateLimit', 'tiers', i], `${kind}: ${b.id} sends ${b.check.count} requests and expects ${counts}`);
    if (limit === undefined)
      notes.todo(
        ['rateLimit', 'tiers', i, 'limit', 'requests'],
        'the limit is not implied by the expected counts',
        'inline',
      );
    if (!unit)
      notes.todo(
        ['rateLimit', 'tiers', i, 'limit', 'unit'],
        `the window is not stated (${limit ?? '?'} requests per what?)`,
        'inline',
      );
    if (!own && !header)
      notes.todo(
        ['rateLimit', 'tiers', i],
        'no identity header anywhere: this tier is one bucket shared by every client',
      );
  }
  // tiers the prose states without a command to check them
  for (const c of ev.criteria) {
    for (const r of rates(c.description ?? '')) {
      const anonymous = ANONYMOUS.test(r.sentence);
      if (anonymous && header && !tiers.some((t) => t.name === 'anonymous')) {
        notes.note(['rateLimit', 'tiers', tiers.length], `anonymous: from the prose of ${c.id} (no command checks it)`);
        tiers.push({
          name: 'anonymous',
          match: { headerAbsent: header },
          limit: { requests: r.requests, unit: r.unit },
        });
      } else if (!anonymous && header && r.sentence.includes(header) && !tiers.some((t) => t.name === 'per-user')) {
        notes.note(
          ['rateLimit', 'tiers', tiers.length],
          `per-client: from the prose of ${c.id} (no command checks it)`,
        );
        tiers.push({ name: 'per-user', key: { header }, limit: { requests: r.requests, unit: r.unit } });
      }
    }
  }
  if (tiers.length === 0) return undefined;
  const prose = [...ev.prose.sections.map((s) => s.text), ...ev.criteria.map((c) => c.description ?? '')].join('\n');
  const rl: RateLimitInput = { scope: 'local', tiers };
  if (/local rate limit/i.test(prose))
    notes.note(['rateLimit', 'scope'], 'the prose asks for local rate limiting', 'inline');
  else if (ev.prose.nonGoals.some((g) => /global/i.test(g)))
    notes.note(['rateLimit', 'scope'], 'global rate limiting is a non-goal', 'inline');
  else
    notes.todo(
      ['rateLimit', 'scope'],
      'local limits count per Envoy replica; use global for one count across replicas',
      'inline',
    );
  return rl;
}
