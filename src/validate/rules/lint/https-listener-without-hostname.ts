import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { GW_GROUP, listenersOf } from '../util/gateway.js';

/** HTTPS listener without hostname: it answers any SNI with its certificate, and cert-manager's gateway-shim skips it. */
export const httpsListenerWithoutHostname: Rule = {
  id: 'lint/https-listener-without-hostname',
  severity: 'warning',
  docs: {
    description:
      'An HTTPS listener without hostname matches every SNI and Host, so clients get its certificate for any name; cert-manager cannot issue for it (the gateway-shim skips listeners without hostname).',
    url: 'https://gateway-api.sigs.k8s.io/reference/spec/#listener',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const gw of ctx.ofKind('Gateway', GW_GROUP)) {
      const shim = Object.keys(gw.object.metadata?.annotations ?? {}).some(
        (k) => k === 'cert-manager.io/issuer' || k === 'cert-manager.io/cluster-issuer',
      );
      for (const l of listenersOf(gw)) {
        if (l.protocol !== 'HTTPS' || l.hostname) continue;
        out.push(
          finding(this, gw, ['spec', 'listeners', l.index], {
            message: `HTTPS listener "${l.name}" has no hostname: it accepts every SNI/Host and presents its certificate for any name${shim ? "; cert-manager's Gateway integration skips listeners without hostname, so no certificate is issued for it" : ''}`,
            hint: 'set hostname to the name the certificate covers (a wildcard such as *.example.com is allowed)',
          }),
        );
      }
    }
    return out;
  },
};
