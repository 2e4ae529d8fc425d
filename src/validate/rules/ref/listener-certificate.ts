import type { Diagnostic } from '../../../model/diagnostic.js';
import { type Entry, finding, type Rule, type RuleContext } from '../rule.js';
import { parseLeafCert, tlsCrtOf } from '../util/cert.js';
import { arr, obj, str } from '../util/data.js';
import { GW_GROUP, type Listener, listenersOf } from '../util/gateway.js';
import { grantAllows, grantHint } from '../util/grants.js';
import { certNameCovers } from '../util/hostnames.js';

const CM_GROUP = 'cert-manager.io';

/** Gateway listener certificateRefs resolve to a valid, unexpired kubernetes.io/tls Secret covering the listener hostname. */
export const listenerCertificate: Rule = {
  id: 'ref/listener-certificate',
  severity: 'error',
  docs: {
    description:
      'A listener certificateRef must be a core Secret of type kubernetes.io/tls (cross-namespace only with a ReferenceGrant) whose certificate covers the listener hostname and is currently valid.',
    url: 'https://gateway-api.sigs.k8s.io/reference/spec/#gatewaytlsconfig',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const gw of ctx.ofKind('Gateway', GW_GROUP)) {
      for (const l of listenersOf(gw)) {
        const tls = obj(l.raw.tls);
        if (str(tls.mode) === 'Passthrough') continue;
        arr(tls.certificateRefs).forEach((r, ri) => {
          out.push(...checkRef(this, ctx, gw, l, obj(r), ri));
        });
      }
    }
    return out;
  },
};

function checkRef(
  rule: Rule,
  ctx: RuleContext,
  gw: Entry,
  l: Listener,
  ref: Record<string, unknown>,
  ri: number,
): Diagnostic[] {
  const path = ['spec', 'listeners', l.index, 'tls', 'certificateRefs', ri];
  const group = str(ref.group) ?? '';
  const kind = str(ref.kind) ?? 'Secret';
  const name = str(ref.name) ?? '';
  const ns = str(ref.namespace) ?? gw.namespace ?? '';
  const at = (p: (string | number)[], message: string, hint?: string, severity?: Diagnostic['severity']) =>
    finding(rule, gw, [...path, ...p], { message, hint, severity });
  if (group !== '' || kind !== 'Secret') {
    return [
      at(
        ['kind'],
        `listener "${l.name}" certificateRef must be a core Secret, not ${group || 'core'}/${kind} (InvalidCertificateRef)`,
      ),
    ];
  }
  const out: Diagnostic[] = [];
  if (ns !== gw.namespace) {
    const q = {
      from: { group: GW_GROUP, kind: 'Gateway', namespace: gw.namespace ?? '' },
      to: { group: '', kind: 'Secret', namespace: ns, name },
    };
    if (!grantAllows(ctx, q)) {
      out.push(
        at(
          ['namespace'],
          `cross-namespace certificateRef to Secret ${ns}/${name} has no ReferenceGrant (RefNotPermitted)`,
          grantHint(q),
          ctx.missingSeverity(),
        ),
      );
    }
  }
  const secret = ctx.find('Secret', ns, name, '');
  if (!secret) {
    const issued = ctx
      .allOfKind('Certificate', CM_GROUP)
      .find((c) => c.namespace === ns && str(obj(c.object.spec).secretName) === name);
    const shim =
      ns === gw.namespace &&
      Object.keys(gw.object.metadata?.annotations ?? {}).some(
        (k) => k === 'cert-manager.io/issuer' || k === 'cert-manager.io/cluster-issuer',
      );
    if (issued) {
      const dns = arr(obj(issued.object.spec).dnsNames).filter((d): d is string => typeof d === 'string');
      if (l.hostname && dns.length > 0 && !dns.some((d) => certNameCovers(d, l.hostname ?? ''))) {
        out.push(
          at(
            ['name'],
            `cert-manager Certificate ${ns}/${issued.name} issues Secret ${name} for ${dns.join(', ')}, which does not cover listener hostname ${l.hostname}`,
            'add the listener hostname to spec.dnsNames of the Certificate',
          ),
        );
      }
      return out;
    }
    if (shim) return out;
    out.push(
      at(
        ['name'],
        `Secret ${ns}/${name} is not in the validated set${ctx.connected ? ' nor in the cluster' : ' (it may exist in the cluster)'}; the listener would get ResolvedRefs=False (InvalidCertificateRef)`,
        'create the TLS Secret (kubectl create secret tls), or a cert-manager Certificate with that secretName',
        ctx.missingSeverity(),
      ),
    );
    return out;
  }
  const type = str(secret.object.type);
  if (type !== 'kubernetes.io/tls') {
    out.push(
      at(
        ['name'],
        `Secret ${ns}/${name} has type ${type ?? 'Opaque'}, not kubernetes.io/tls (InvalidCertificateRef)`,
        'recreate it with `kubectl create secret tls`',
      ),
    );
    return out;
  }
  const pem = tlsCrtOf(secret.object);
  if (!pem) {
    if (!secret.fromCluster) out.push(at(['name'], `Secret ${ns}/${name} has no tls.crt`, 'add tls.crt and tls.key'));
    return out;
  }
  const cert = parseLeafCert(pem);
  if ('error' in cert) {
    out.push(at(['name'], `Secret ${ns}/${name}: ${cert.error}`));
    return out;
  }
  const now = ctx.options.now ?? new Date();
  if (cert.notAfter.getTime() < now.getTime()) {
    out.push(
      at(
        ['name'],
        `certificate in Secret ${ns}/${name} expired on ${cert.notAfter.toISOString()}`,
        'renew the certificate',
      ),
    );
  } else if (cert.notBefore.getTime() > now.getTime()) {
    out.push(
      at(
        ['name'],
        `certificate in Secret ${ns}/${name} is not valid before ${cert.notBefore.toISOString()}`,
        'check the issuing clock or reissue',
        'warning',
      ),
    );
  }
  if (l.hostname && !cert.names.some((n) => certNameCovers(n, l.hostname ?? ''))) {
    out.push(
      at(
        ['name'],
        `certificate in Secret ${ns}/${name} is for ${cert.names.join(', ') || '(no names)'}, which does not cover listener "${l.name}" hostname ${l.hostname}; clients will reject the TLS handshake`,
        `issue a certificate with ${l.hostname} in its subjectAltName`,
      ),
    );
  }
  return out;
}
