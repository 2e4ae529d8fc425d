import type { PathSegment } from '../../../model/diagnostic.js';
import type { Entry, RuleContext } from '../rule.js';
import { arr, bool, isObj, type Obj, obj, str } from './data.js';
import { EG_GROUP } from './gateway.js';

export type RateLimitMode = 'local' | 'global';

export interface RateLimitRule {
  policy: Entry;
  mode: RateLimitMode;
  index: number;
  path: PathSegment[];
  raw: Obj;
  selectors: Obj[];
}

export interface HeaderSelector {
  rule: RateLimitRule;
  selectorIndex: number;
  headerIndex: number;
  path: PathSegment[];
  name: string;
  /** Match type with the CRD default applied (Exact). */
  type: string;
  value?: string;
  invert: boolean;
}

export function btpsIn(ctx: RuleContext): Entry[] {
  return ctx.ofKind('BackendTrafficPolicy', EG_GROUP);
}

/** Rules of the rate-limit blocks that Envoy Gateway actually translates (a set `type` keeps only its block). */
export function rateLimitRulesOf(policy: Entry): RateLimitRule[] {
  const rl = obj(obj(policy.object.spec).rateLimit);
  const type = str(rl.type);
  const out: RateLimitRule[] = [];
  for (const mode of ['local', 'global'] as const) {
    if (type && type.toLowerCase() !== mode) continue;
    if (!isObj(rl[mode])) continue;
    arr(obj(rl[mode]).rules).forEach((r, index) => {
      const raw = obj(r);
      out.push({
        policy,
        mode,
        index,
        path: ['spec', 'rateLimit', mode, 'rules', index],
        raw,
        selectors: arr(raw.clientSelectors).map(obj),
      });
    });
  }
  return out;
}

export function headersOf(rule: RateLimitRule): HeaderSelector[] {
  const out: HeaderSelector[] = [];
  rule.selectors.forEach((sel, si) => {
    arr(sel.headers).forEach((h, hi) => {
      const o = obj(h);
      out.push({
        rule,
        selectorIndex: si,
        headerIndex: hi,
        path: [...rule.path, 'clientSelectors', si, 'headers', hi],
        name: (str(o.name) ?? '').toLowerCase(),
        type: str(o.type) ?? 'Exact',
        value: o.value === undefined || o.value === null ? undefined : String(o.value),
        invert: bool(o.invert) ?? false,
      });
    });
  });
  return out;
}

/** `rateLimit.local.rules[2]` for messages. */
export function ruleLabel(r: RateLimitRule): string {
  return `rateLimit.${r.mode}.rules[${r.index}]`;
}

/** Header names that usually carry a caller identity. */
export const IDENTITY_HEADER =
  /(^|[-_])(user|userid|uid|client|clientid|tenant|account|customer|org|subject|sub|api-?key|apikey|authorization|principal|consumer)([-_]|$)|^authorization$/i;

export function looksLikeIdentity(header: string): boolean {
  return IDENTITY_HEADER.test(header);
}

/** Seconds in a rate-limit unit (Month = 30 days, Year = 365 days). */
export const UNIT_SECONDS: Record<string, number> = {
  Second: 1,
  Minute: 60,
  Hour: 3600,
  Day: 86400,
  Week: 604800,
  Month: 2592000,
  Year: 31536000,
};
