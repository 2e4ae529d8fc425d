import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { GW_GROUP, type Listener, listenersOf } from '../util/gateway.js';

/** Transport family of a listener protocol: listeners of different families cannot share a port. */
function family(protocol: string): string {
  if (protocol === 'HTTPS' || protocol === 'TLS') return 'tls';
  if (protocol === 'UDP') return 'udp';
  if (protocol === 'TCP') return 'tcp';
  return 'http';
}

/** Listener name, port/protocol and hostname conflicts inside one Gateway. */
export const listenerConflict: Rule = {
  id: 'ref/listener-conflict',
  severity: 'error',
  docs: {
    description:
      'Listener names must be unique; listeners on one port must use compatible protocols (ProtocolConflict) and distinct hostnames (HostnameConflict); TCP/UDP listeners must differ by port. A conflicted listener is not programmed.',
    url: 'https://gateway-api.sigs.k8s.io/reference/spec/#listener',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const gw of ctx.ofKind('Gateway', GW_GROUP)) {
      const ls = listenersOf(gw);
      const byName = new Map<string, Listener>();
      for (const l of ls) {
        const first = byName.get(l.name);
        if (first) {
          out.push(
            finding(this, gw, ['spec', 'listeners', l.index, 'name'], {
              message: `listener name "${l.name}" is already used by listeners[${first.index}]`,
              hint: 'give every listener a unique name',
            }),
          );
        } else byName.set(l.name, l);
      }
      const byPort = new Map<number, Listener[]>();
      for (const l of ls) {
        if (l.port === undefined) continue;
        const list = byPort.get(l.port) ?? [];
        list.push(l);
        byPort.set(l.port, list);
      }
      for (const [port, group] of byPort) {
        const families = new Set(group.filter((l) => family(l.protocol) !== 'udp').map((l) => family(l.protocol)));
        if (families.size > 1) {
          for (const l of group.slice(1)) {
            if (family(l.protocol) === family(group[0].protocol) || family(l.protocol) === 'udp') continue;
            out.push(
              finding(this, gw, ['spec', 'listeners', l.index, 'protocol'], {
                message: `listener "${l.name}" uses ${l.protocol} on port ${port}, which listener "${group[0].name}" uses for ${group[0].protocol} (ProtocolConflict)`,
                hint: 'put listeners of different protocols on different ports',
              }),
            );
          }
        }
        const seen = new Map<string, Listener>();
        for (const l of group) {
          const layer4 = l.protocol === 'TCP' || l.protocol === 'UDP';
          const key = `${l.protocol}|${layer4 ? '' : (l.hostname ?? '').toLowerCase()}`;
          const first = seen.get(key);
          if (!first) {
            seen.set(key, l);
            continue;
          }
          out.push(
            finding(this, gw, ['spec', 'listeners', l.index, layer4 ? 'port' : 'hostname'], {
              message: layer4
                ? `listeners "${first.name}" and "${l.name}" are both ${l.protocol} on port ${port} (${l.protocol} listeners must differ by port)`
                : `listeners "${first.name}" and "${l.name}" share ${l.protocol} port ${port} and hostname ${l.hostname ?? '(none)'} (HostnameConflict)`,
              hint: layer4 ? 'use different ports' : 'give each listener on the port a distinct hostname',
            }),
          );
        }
      }
    }
    return out;
  },
};
