/**
 * Reads `spec.rateLimit` of a BackendTrafficPolicy into rules, and evaluates a rule's
 * clientSelectors on a request into a descriptor key (or null when the rule does not apply).
 *
 * Semantics (reference §1.3): selectors and the headers inside one selector are ANDed; `methods`
 * are ORed; `Exact` (the default type) is a literal match — `"*"` is not a wildcard; `invert`
 * matches when the matcher does not, including when the header is absent; `Distinct` keys a
 * bucket per value and does not apply when the header is absent; Envoy reads the first value of
 * a repeated header for Distinct. Only the last `path` and `sourceCIDR` of a rule take effect
 * (EG issue #10025). A rule without selectors applies to every request.
 */

import type { RateLimitRequest, RateLimitUnit } from './types.js';
import { isUnit } from './units.js';

type Raw = Record<string, unknown>;

export interface ValueMatch {
  name: string;
  type: 'Exact' | 'RegularExpression' | 'Distinct' | string;
  value?: string;
  invert: boolean;
}

export interface Selector {
  headers: ValueMatch[];
  queryParams: ValueMatch[];
  methods: { value: string; invert: boolean }[];
  path?: { type: string; value: string; invert: boolean };
  sourceCIDR?: { type: string; value: string; invert: boolean };
}

export interface RateLimitRule {
  scope: 'local' | 'global';
  index: number;
  selectors: Selector[];
  limit: { requests: number; unit: RateLimitUnit };
  shared: boolean;
  shadowMode: boolean;
  raw: Raw;
}

export function objects(v: unknown): Raw[] {
  return Array.isArray(v) ? v.filter((x): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x)) : [];
}

function valueMatches(list: unknown): ValueMatch[] {
  return objects(list).map((h) => ({
    name: String(h.name ?? ''),
    type: typeof h.type === 'string' ? h.type : 'Exact',
    value: typeof h.value === 'string' ? h.value : h.value === undefined ? undefined : String(h.value),
    invert: h.invert === true,
  }));
}

function readSelector(s: Raw): Selector {
  const path = s.path as Raw | undefined;
  const cidr = s.sourceCIDR as Raw | undefined;
  return {
    headers: valueMatches(s.headers),
    queryParams: valueMatches(s.queryParams),
    methods: objects(s.methods).map((m) => ({ value: String(m.value ?? '').toUpperCase(), invert: m.invert === true })),
    path: path
      ? { type: String(path.type ?? 'PathPrefix'), value: String(path.value ?? '/'), invert: path.invert === true }
      : undefined,
    sourceCIDR: cidr
      ? { type: String(cidr.type ?? 'Exact'), value: String(cidr.value ?? ''), invert: cidr.invert === true }
      : undefined,
  };
}

/** The rules of one block (`local` or `global`) of `spec.rateLimit`. Unknown units read as Second (validation reports them). */
export function readRules(rateLimit: Raw | undefined, scope: 'local' | 'global'): RateLimitRule[] {
  const block = rateLimit?.[scope] as Raw | undefined;
  return objects(block?.rules).map((r, index) => {
    const limit = (r.limit ?? {}) as Raw;
    return {
      scope,
      index,
      selectors: objects(r.clientSelectors).map(readSelector),
      limit: { requests: Number(limit.requests ?? 0), unit: isUnit(limit.unit) ? limit.unit : 'Second' },
      shared: r.shared === true,
      shadowMode: r.shadowMode === true,
      raw: r,
    };
  });
}

/** Which blocks are built: with the deprecated `type` set, only that one (reference §1.1). */
export function activeScopes(rateLimit: Raw | undefined): ('local' | 'global')[] {
  if (!rateLimit) return [];
  if (rateLimit.type === 'Local') return ['local'];
  if (rateLimit.type === 'Global') return ['global'];
  return (['local', 'global'] as const).filter((s) => rateLimit[s] !== undefined);
}

/** Full-string regular expression (RE2 full match); undefined when it does not compile here. */
export function fullRegex(src: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${src})$`);
  } catch {
    return undefined;
  }
}

function headerValues(req: RateLimitRequest, name: string): string[] | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(req.headers ?? {})) {
    if (k.toLowerCase() === lower) return Array.isArray(v) ? v : [v];
  }
  return undefined;
}

function queryValues(req: RateLimitRequest, name: string): string[] | undefined {
  const q = (req.path ?? '/').split('?')[1];
  if (q === undefined) return undefined;
  const all = new URLSearchParams(q).getAll(name);
  return all.length ? all : undefined;
}

/** One value matcher → key part ('' when it matches without a key), or null when it does not match. */
function evalValue(m: ValueMatch, values: string[] | undefined): string | null {
  if (m.type === 'Distinct') return values && values.length > 0 ? `${m.name}=${values[0]}` : null;
  // Envoy's header matchers see a repeated header as its values joined with ','.
  const joined = values?.join(',');
  let hit = false;
  if (joined !== undefined && m.value !== undefined) {
    hit = m.type === 'RegularExpression' ? (fullRegex(m.value)?.test(joined) ?? false) : joined === m.value;
  }
  return hit !== m.invert ? '' : null;
}

function pathOnly(p: string | undefined): string {
  return (p ?? '/').split('?')[0] || '/';
}

function pathMatches(sel: NonNullable<Selector['path']>, path: string): boolean {
  let hit: boolean;
  if (sel.type === 'Exact') hit = path === sel.value;
  else if (sel.type === 'RegularExpression') hit = fullRegex(sel.value)?.test(path) ?? false;
  else {
    const prefix = sel.value.replace(/\/+$/, '');
    hit = prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
  }
  return hit !== sel.invert;
}

function ipv4ToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}

function expandIpv6(ip: string): bigint | undefined {
  const [head, tail] = ip.split('::');
  if (ip.split('::').length > 2) return undefined;
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const missing = 8 - h.length - t.length;
  if (tail === undefined ? h.length !== 8 : missing < 0) return undefined;
  const groups = [...h, ...Array(tail === undefined ? 0 : missing).fill('0'), ...t];
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    n = (n << 16n) + BigInt(Number.parseInt(g, 16));
  }
  return n;
}

/** Whether an IPv4/IPv6 address lies in a CIDR. */
export function inCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const v4 = ipv4ToInt(ip);
  const b4 = ipv4ToInt(base);
  if (v4 !== undefined && b4 !== undefined) {
    const bits = bitsText === undefined ? 32 : Number(bitsText);
    if (bits === 0) return true;
    const mask = (0xffffffff << (32 - bits)) >>> 0;
    return (v4 & mask) >>> 0 === (b4 & mask) >>> 0;
  }
  const v6 = expandIpv6(ip);
  const b6 = expandIpv6(base);
  if (v6 === undefined || b6 === undefined) return false;
  const bits = BigInt(bitsText === undefined ? 128 : Number(bitsText));
  const shift = 128n - bits;
  return v6 >> shift === b6 >> shift;
}

/**
 * The descriptor a rule produces for a request: a key ('' for a non-Distinct rule) or null when the
 * rule does not apply.
 */
export function descriptorOf(rule: RateLimitRule, req: RateLimitRequest): string | null {
  const parts: string[] = [];
  let path: Selector['path'];
  let cidr: Selector['sourceCIDR'];
  for (const s of rule.selectors) {
    for (const h of s.headers) {
      const k = evalValue(h, headerValues(req, h.name));
      if (k === null) return null;
      if (k) parts.push(k);
    }
    for (const q of s.queryParams) {
      const k = evalValue(q, queryValues(req, q.name));
      if (k === null) return null;
      if (k) parts.push(`?${k}`);
    }
    if (s.methods.length > 0) {
      const method = (req.method ?? 'GET').toUpperCase();
      if (!s.methods.some((m) => (method === m.value) !== m.invert)) return null;
    }
    if (s.path) path = s.path;
    if (s.sourceCIDR) cidr = s.sourceCIDR;
  }
  if (path && !pathMatches(path, pathOnly(req.path))) return null;
  if (cidr) {
    const ip = req.sourceIP;
    const hit = ip !== undefined && inCidr(ip, cidr.value);
    if (hit === cidr.invert) return null;
    if (cidr.type === 'Distinct' && ip !== undefined) parts.push(`ip=${ip}`);
  }
  return parts.join(',');
}
