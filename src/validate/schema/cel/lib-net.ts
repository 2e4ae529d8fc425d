import { isIP as nodeIsIP } from 'node:net';
import type { Environment } from '@marcbachmann/cel-js';
import { CelRuntimeError } from './errors.js';

/** `ip(...)` value (Kubernetes CEL `net.IP`). */
export class CelIP {
  constructor(
    readonly text: string,
    readonly family: 4 | 6,
  ) {}
}

/** `cidr(...)` value (Kubernetes CEL `net.CIDR`). */
export class CelCIDR {
  constructor(
    readonly ip: CelIP,
    readonly prefix: number,
  ) {}
}

/** `url(...)` value (Kubernetes CEL `kubernetes.URL`). */
export class CelURL {
  constructor(readonly url: URL) {}
}

/** Kubernetes' isIP: no zones, no IPv4-mapped IPv6, no leading zeros. */
function parseIP(s: string): CelIP | undefined {
  const fam = nodeIsIP(s);
  if (fam === 0 || s.includes('%')) return undefined;
  if (fam === 6 && /^::ffff:[0-9.]+$/i.test(s)) return undefined;
  return new CelIP(s, fam as 4 | 6);
}

function parseCIDR(s: string): CelCIDR | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIP(s.slice(0, slash));
  const p = s.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(p)) return undefined;
  const prefix = Number(p);
  if (prefix > (ip.family === 4 ? 32 : 128)) return undefined;
  return new CelCIDR(ip, prefix);
}

function ipBits(ip: CelIP): bigint {
  if (ip.family === 4) return ip.text.split('.').reduce((a, o) => (a << 8n) | BigInt(Number(o)), 0n);
  const [head, tail] = ip.text.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const words = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return words.reduce((a, w) => (a << 16n) | BigInt(Number.parseInt(w || '0', 16)), 0n);
}

function bitsToIP(bits: bigint, family: 4 | 6): CelIP {
  if (family === 4) {
    const o = [24n, 16n, 8n, 0n].map((s) => String((bits >> s) & 255n));
    return new CelIP(o.join('.'), 4);
  }
  const w: string[] = [];
  for (let i = 7; i >= 0; i--) w.push(((bits >> BigInt(i * 16)) & 0xffffn).toString(16));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && w[j] === '0') j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  const text = best < 0 ? w.join(':') : `${w.slice(0, best).join(':')}::${w.slice(best + bestLen).join(':')}`;
  return new CelIP(text, 6);
}

function contains(c: CelCIDR, ip: CelIP): boolean {
  if (c.ip.family !== ip.family) return false;
  const width = BigInt(c.ip.family === 4 ? 32 : 128);
  const shift = width - BigInt(c.prefix);
  return ipBits(c.ip) >> shift === ipBits(ip) >> shift;
}

function must<T>(v: T | undefined, what: string, s: string): T {
  if (v === undefined) throw new CelRuntimeError(`${what} parse error during conversion from string: ${s}`);
  return v;
}

function parseURL(s: string): CelURL | undefined {
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(s) && !s.startsWith('/')) return undefined;
  try {
    return new CelURL(new URL(s, s.startsWith('/') ? 'relative:///' : undefined));
  } catch {
    return undefined;
  }
}

/** Kubernetes CEL IP, CIDR and URL libraries. */
export function registerNetLibrary(env: Environment): void {
  env.registerType('net.IP', CelIP);
  env.registerType('net.CIDR', CelCIDR);
  env.registerType('kubernetes.URL', CelURL);
  env.registerFunction('isIP(string): bool', (s: string) => parseIP(s) !== undefined);
  env.registerFunction('ip(string): net.IP', (s: string) => must(parseIP(s), 'IP Address', s));
  env.registerFunction('net.IP.family(): int', (ip: CelIP) => BigInt(ip.family));
  env.registerFunction('net.IP.isLoopback(): bool', (ip: CelIP) =>
    ip.family === 4 ? ip.text.startsWith('127.') : ipBits(ip) === 1n,
  );
  env.registerFunction('net.IP.isUnspecified(): bool', (ip: CelIP) => ipBits(ip) === 0n);
  env.registerFunction('net.IP.isGlobalUnicast(): bool', (ip: CelIP) => {
    const b = ipBits(ip);
    if (ip.family === 4)
      return b !== 0n && b !== 0xffffffffn && !ip.text.startsWith('127.') && b >> 28n !== 0xen && b >> 16n !== 0xa9fen;
    return b !== 0n && b !== 1n && b >> 120n !== 0xffn && b >> 118n !== 0x3fan;
  });
  env.registerFunction('isCIDR(string): bool', (s: string) => parseCIDR(s) !== undefined);
  env.registerFunction('cidr(string): net.CIDR', (s: string) => must(parseCIDR(s), 'network address', s));
  env.registerFunction('net.CIDR.containsIP(string): bool', (c: CelCIDR, s: string) =>
    contains(c, must(parseIP(s), 'IP Address', s)),
  );
  env.registerFunction('net.CIDR.containsIP(net.IP): bool', (c: CelCIDR, ip: CelIP) => contains(c, ip));
  env.registerFunction('net.CIDR.containsCIDR(string): bool', (c: CelCIDR, s: string) => {
    const o = must(parseCIDR(s), 'network address', s);
    return o.prefix >= c.prefix && contains(c, o.ip);
  });
  env.registerFunction(
    'net.CIDR.containsCIDR(net.CIDR): bool',
    (c: CelCIDR, o: CelCIDR) => o.prefix >= c.prefix && contains(c, o.ip),
  );
  env.registerFunction('net.CIDR.ip(): net.IP', (c: CelCIDR) => c.ip);
  env.registerFunction('string(net.IP): string', (ip: CelIP) => ip.text);
  env.registerFunction('string(net.CIDR): string', (c: CelCIDR) => `${c.ip.text}/${c.prefix}`);
  env.registerFunction('net.CIDR.prefixLength(): int', (c: CelCIDR) => BigInt(c.prefix));
  env.registerFunction('net.CIDR.masked(): net.CIDR', (c: CelCIDR) => {
    const width = c.ip.family === 4 ? 32n : 128n;
    const shift = width - BigInt(c.prefix);
    return new CelCIDR(bitsToIP((ipBits(c.ip) >> shift) << shift, c.ip.family), c.prefix);
  });
  env.registerFunction('isURL(string): bool', (s: string) => parseURL(s) !== undefined);
  env.registerFunction('url(string): kubernetes.URL', (s: string) => must(parseURL(s), 'URL', s));
  env.registerFunction('kubernetes.URL.getScheme(): string', (u: CelURL) =>
    u.url.protocol === 'relative:' ? '' : u.url.protocol.replace(/:$/, ''),
  );
  env.registerFunction('kubernetes.URL.getHost(): string', (u: CelURL) => u.url.host);
  env.registerFunction('kubernetes.URL.getHostname(): string', (u: CelURL) => u.url.hostname.replace(/^\[|\]$/g, ''));
  env.registerFunction('kubernetes.URL.getPort(): string', (u: CelURL) => u.url.port);
  env.registerFunction('kubernetes.URL.getEscapedPath(): string', (u: CelURL) => u.url.pathname);
  env.registerFunction('kubernetes.URL.getQuery(): map<string, list<string>>', (u: CelURL) => {
    const out: Record<string, string[]> = {};
    for (const [k, v] of u.url.searchParams) {
      out[k] = out[k] ?? [];
      out[k].push(v);
    }
    return out;
  });
}
