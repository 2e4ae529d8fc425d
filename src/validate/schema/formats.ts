import { isIPv4, isIPv6 } from 'node:net';

/**
 * String formats the API server checks (go-openapi strfmt names, dashes ignored).
 * Formats it does not check (int32, int64, password, ...) return undefined: always accepted.
 */
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HOSTNAME =
  /^(?=.{1,253}$)[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?)*\.?$/;
const MAC = /^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const GO_DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$|^0$/;

const CHECKS: Record<string, (s: string) => boolean> = {
  byte: (s) => BASE64.test(s.replace(/\s+/g, '')),
  date: (s) => DATE.test(s) && !Number.isNaN(Date.parse(s)),
  datetime: (s) => DATETIME.test(s) && !Number.isNaN(Date.parse(s.replace(' ', 'T'))),
  ipv4: (s) => isIPv4(s),
  ipv6: (s) => isIPv6(s),
  cidr: (s) => {
    const [ip, p, extra] = s.split('/');
    if (extra !== undefined || p === undefined || !/^\d{1,3}$/.test(p)) return false;
    return (isIPv4(ip) && Number(p) <= 32) || (isIPv6(ip) && Number(p) <= 128);
  },
  hostname: (s) => HOSTNAME.test(s),
  uri: (s) => {
    try {
      return Boolean(new URL(s));
    } catch {
      return false;
    }
  },
  uuid: (s) => UUID.test(s),
  uuid3: (s) => UUID.test(s),
  uuid4: (s) => UUID.test(s),
  uuid5: (s) => UUID.test(s),
  mac: (s) => MAC.test(s),
  email: (s) => EMAIL.test(s),
  duration: (s) => GO_DURATION.test(s),
};

/** Returns true/false for a checked format, undefined when the API server does not check this format. */
export function checkFormat(format: string, value: string): boolean | undefined {
  const check = CHECKS[format.replace(/-/g, '').toLowerCase()];
  return check ? check(value) : undefined;
}
