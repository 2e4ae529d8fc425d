import type { TrafficSpecInput } from '../schema/index.js';
import { cite, type Evidence, type Notes, webChecks } from './draft.js';

type GatewayInput = NonNullable<TrafficSpecInput['gateway']>;
type TlsInput = NonNullable<TrafficSpecInput['tls']>;

const DEFAULT_PORT: Record<string, number> = { 'http:': 80, 'https:': 443 };
const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]']);

/** URL of a check, parsed; undefined for anything odd. */
export function urlOf(u: string): URL | undefined {
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Gateway listeners and external URLs from the origins the commands call: an http:// origin
 * gives an HTTP listener, an https:// one an HTTPS listener. A non-default port in the URL
 * (localhost:8080) is kept as the external URL; the listener keeps 80/443 and a TODO asks.
 */
export function draftGateway(ev: Evidence, notes: Notes): GatewayInput {
  const web = webChecks(ev);
  const origins: { origin: string; url: URL; id: string }[] = [];
  for (const w of web) {
    const url = urlOf(w.check.url);
    if (url && !origins.some((o) => o.origin === url.origin)) origins.push({ origin: url.origin, url, id: w.id });
  }
  const className = ev.prose.mentions.gatewayClass ?? 'eg';
  const gw: GatewayInput = { className };
  if (!ev.prose.mentions.gatewayClass) notes.note(['gateway', 'className'], 'Envoy Gateway default', 'inline');
  if (origins.length === 0) {
    notes.todo(
      ['gateway'],
      'no URL in the validation commands: say how clients reach the Gateway (listeners, externalUrls)',
    );
    return gw;
  }
  gw.externalUrls = origins.map((o) => o.origin);
  notes.note(['gateway', 'externalUrls'], `from the URLs in ${cite(web)}`);
  gw.listeners = [];
  for (const protocol of ['http:', 'https:'] as const) {
    const mine = origins.filter((o) => o.url.protocol === protocol);
    if (mine.length === 0) continue;
    const name = protocol.slice(0, -1);
    const i = gw.listeners.length;
    gw.listeners.push({ name, protocol: name === 'http' ? 'HTTP' : 'HTTPS', port: DEFAULT_PORT[protocol] });
    const ports = mine.map((o) => o.url.port).filter((p) => p !== '');
    if (ports.length > 0)
      notes.todo(
        ['gateway', 'listeners', i, 'port'],
        `clients use port ${ports[0]} (${cite(mine)}); ${DEFAULT_PORT[protocol]} assumes a port-forward or load balancer maps it — use ${ports[0]} if the Gateway port is reached directly`,
        'inline',
      );
  }
  return gw;
}

/** TLS when some command uses https://: self-signed if the prose says so or every host is local. */
export function draftTls(ev: Evidence, app: string, notes: Notes): TlsInput | undefined {
  const https = webChecks(ev).filter((w) => urlOf(w.check.url)?.protocol === 'https:');
  if (https.length === 0) return undefined;
  const hosts = [...new Set(https.map((w) => urlOf(w.check.url)!.hostname))];
  const local = hosts.every((h) => LOCAL.has(h));
  const tls: TlsInput = { mode: ev.prose.mentions.selfSigned || local ? 'self-signed' : 'secret' };
  notes.note(
    ['tls'],
    `HTTPS is used in ${cite(https)}${https.some((w) => w.check.insecure) ? ' (curl -k: the certificate need not be trusted)' : ''}`,
  );
  if (!ev.prose.mentions.selfSigned && !local)
    notes.todo(['tls', 'mode'], 'where the certificate comes from (secret or cert-manager)', 'inline');
  const dns = hosts.filter((h) => !LOCAL.has(h) && /^[a-z0-9.-]+$/.test(h) && !/^\d+(\.\d+){3}$/.test(h));
  tls.hosts = dns.length > 0 ? dns : ['localhost'];
  const secret = ev.prose.mentions.secrets.find((s) => /tls|cert/.test(s)) ?? ev.prose.mentions.secrets[0];
  tls.secretName = secret ?? `${app}-tls`;
  if (secret) notes.note(['tls', 'secretName'], 'from the prose', 'inline');
  return tls;
}
