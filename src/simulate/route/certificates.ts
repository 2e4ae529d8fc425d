/**
 * Listener TLS certificate references (reference §2.4): kind/group, existence, cross-namespace
 * ReferenceGrant and a well-formed `kubernetes.io/tls` Secret (PEM certificate and key).
 */
import type { Manifest } from '../../model/manifest.js';
import { GATEWAY_GROUP, type Indexed, nsOf, objects, referenceGranted } from './resources.js';

type Raw = Record<string, unknown>;

function decoded(secret: Manifest, key: string): string | undefined {
  const s = secret as { data?: Record<string, string>; stringData?: Record<string, string> };
  if (typeof s.stringData?.[key] === 'string') return s.stringData[key];
  const b64 = s.data?.[key];
  if (typeof b64 !== 'string') return undefined;
  return Buffer.from(b64, 'base64').toString('utf8');
}

function pemBlockOk(text: string | undefined, label: RegExp): boolean {
  if (!text) return false;
  const m = /-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  if (!m || !label.test(m[1])) return false;
  const body = m[2].replace(/\s+/g, '');
  return body.length > 0 && /^[A-Za-z0-9+/]+=*$/.test(body);
}

/** Whether a Secret holds a PEM certificate and a PEM private key that differ. */
export function tlsSecretWellFormed(secret: Manifest): boolean {
  const crt = decoded(secret, 'tls.crt');
  const key = decoded(secret, 'tls.key');
  return crt !== key && pemBlockOk(crt, /CERTIFICATE/) && pemBlockOk(key, /PRIVATE KEY/);
}

/** The first problem with a listener's certificateRefs, or null when they all resolve. */
export function certificateRefProblem(
  ix: Indexed,
  owner: Manifest,
  ownerKind: 'Gateway' | 'ListenerSet',
  protocol: string,
  tls: Raw | undefined,
): { reason: 'InvalidCertificateRef' | 'RefNotPermitted'; message: string } | null {
  const terminate = protocol === 'HTTPS' || (protocol === 'TLS' && tls?.mode === 'Terminate');
  if (!terminate) return null;
  const refs = objects(tls?.certificateRefs);
  if (refs.length === 0 && !tls?.options) {
    return { reason: 'InvalidCertificateRef', message: `${protocol} listener has no tls.certificateRefs` };
  }
  for (const r of refs) {
    const group = String(r.group ?? '');
    const kind = String(r.kind ?? 'Secret');
    const ns = String(r.namespace ?? nsOf(owner));
    const name = String(r.name ?? '');
    if (group !== '' || kind !== 'Secret') {
      return {
        reason: 'InvalidCertificateRef',
        message: `certificateRef ${group}/${kind} ${name} is not a core Secret`,
      };
    }
    if (ns !== nsOf(owner)) {
      const ok = referenceGranted(
        ix,
        { group: GATEWAY_GROUP, kind: ownerKind, namespace: nsOf(owner) },
        { group: '', kind: 'Secret', namespace: ns, name },
      );
      if (!ok)
        return {
          reason: 'RefNotPermitted',
          message: `no ReferenceGrant in ${ns} allows ${ownerKind}s of ${nsOf(owner)} to use Secret ${name}`,
        };
    }
    const secret = ix.secrets.get(`${ns}/${name}`);
    if (!secret) return { reason: 'InvalidCertificateRef', message: `Secret ${ns}/${name} not found` };
    if (!tlsSecretWellFormed(secret)) {
      return {
        reason: 'InvalidCertificateRef',
        message: `Secret ${ns}/${name} does not hold a valid PEM certificate and key`,
      };
    }
  }
  return null;
}
