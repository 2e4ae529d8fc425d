/**
 * Listener resolution: a Gateway's own listeners, then the listeners of the ListenerSets it
 * admits (by creation time, then namespace/name), with conflicts, supported kinds and conditions.
 */
import type { Manifest } from '../../model/manifest.js';
import { certificateRefProblem } from './certificates.js';
import type { Condition, ListenerInfo, RouteGroupKind } from './model.js';
import {
  compareCreation,
  GATEWAY_GROUP,
  type Indexed,
  keyOf,
  type LabelSelector,
  namespaceLabels,
  nsOf,
  objects,
  selectorMatches,
} from './resources.js';

const PROTOCOL_KINDS: Record<string, string[]> = {
  HTTP: ['HTTPRoute', 'GRPCRoute'],
  HTTPS: ['HTTPRoute', 'GRPCRoute'],
  TLS: ['TLSRoute'],
  TCP: ['TCPRoute'],
  UDP: ['UDPRoute'],
};

type Raw = Record<string, unknown>;

function cond(type: string, ok: boolean, reason: string, message: string): Condition {
  return { type, status: ok ? 'True' : 'False', reason, message };
}

/** `{from, selector}` namespace policy (allowedRoutes or allowedListeners) admits namespace `ns`? */
export function namespaceAllowed(
  ix: Indexed,
  policy: { from?: string; selector?: LabelSelector } | undefined,
  ownerNs: string,
  ns: string,
  defaultFrom: string,
): boolean {
  const from = policy?.from ?? defaultFrom;
  if (from === 'All') return true;
  if (from === 'Same') return ns === ownerNs;
  if (from === 'Selector') return selectorMatches(policy?.selector ?? {}, namespaceLabels(ix, ns));
  return false;
}

function kindsOf(protocol: string, allowed: unknown): { kinds: RouteGroupKind[]; invalid: string[] } {
  const protoKinds = PROTOCOL_KINDS[protocol] ?? [];
  if (!Array.isArray(allowed) || allowed.length === 0) {
    return { kinds: protoKinds.map((kind) => ({ group: GATEWAY_GROUP, kind })), invalid: [] };
  }
  const kinds: RouteGroupKind[] = [];
  const invalid: string[] = [];
  for (const k of allowed as { group?: string; kind?: string }[]) {
    const group = k.group ?? GATEWAY_GROUP;
    if (group === GATEWAY_GROUP && k.kind && protoKinds.includes(k.kind)) kinds.push({ group, kind: k.kind });
    else invalid.push(`${group}/${k.kind}`);
  }
  return { kinds, invalid };
}

function makeListener(
  ix: Indexed,
  owner: Manifest,
  kind: 'Gateway' | 'ListenerSet',
  gw: string,
  l: Raw,
  order: number,
): ListenerInfo {
  const protocol = String(l.protocol ?? '');
  const name = String(l.name ?? '');
  const allowedRoutes = (l.allowedRoutes ?? {}) as Raw;
  const { kinds, invalid } = kindsOf(protocol, allowedRoutes.kinds);
  const supported = protocol in PROTOCOL_KINDS;
  const certProblem = certificateRefProblem(ix, owner, kind, protocol, l.tls as Raw | undefined);
  const refsOk = invalid.length === 0 && !certProblem;
  const refsReason = invalid.length > 0 ? 'InvalidRouteKinds' : (certProblem?.reason ?? 'ResolvedRefs');
  const refsMsg =
    invalid.length > 0
      ? `unsupported route kinds: ${invalid.join(', ')}`
      : (certProblem?.message ?? 'all references resolved');
  return {
    id: `${kind}/${keyOf(owner)}/${name}`,
    name,
    gateway: gw,
    parentKind: kind,
    parent: keyOf(owner),
    namespace: nsOf(owner),
    port: Number(l.port),
    protocol,
    hostname: typeof l.hostname === 'string' && l.hostname !== '' ? l.hostname.toLowerCase() : undefined,
    spec: l,
    supportedKinds: kinds,
    order,
    conditions: [
      cond(
        'Accepted',
        supported,
        supported ? 'Accepted' : 'UnsupportedProtocol',
        supported ? 'listener accepted' : `protocol ${protocol} is not supported`,
      ),
      cond('ResolvedRefs', refsOk, refsReason, refsMsg),
      cond(
        'Programmed',
        supported && refsOk,
        supported && refsOk ? 'Programmed' : 'Invalid',
        supported && refsOk ? 'listener programmed' : 'listener is invalid',
      ),
    ],
  };
}

const TLS_FAMILY = new Set(['HTTPS', 'TLS']);

function protocolsCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  if (a === 'UDP' || b === 'UDP') return true; // different transport, the port can be shared
  return TLS_FAMILY.has(a) && TLS_FAMILY.has(b);
}

/** Marks a listener that collides with an earlier one (precedence order) as conflicted. */
function markConflicts(listeners: ListenerInfo[]): void {
  const kept: ListenerInfo[] = [];
  for (const l of listeners) {
    for (const k of kept) {
      if (k.port !== l.port) continue;
      if (!protocolsCompatible(k.protocol, l.protocol)) l.conflict = 'ProtocolConflict';
      else if (k.protocol === l.protocol && (k.hostname ?? '') === (l.hostname ?? '')) l.conflict = 'HostnameConflict';
      if (l.conflict) break;
    }
    if (l.conflict) {
      l.conditions.push(cond('Conflicted', true, l.conflict, `conflicts with an earlier listener on port ${l.port}`));
      const prog = l.conditions.find((c) => c.type === 'Programmed');
      if (prog) Object.assign(prog, { status: 'False', reason: 'Invalid', message: 'listener is conflicted' });
    } else {
      l.conditions.push(cond('Conflicted', false, 'NoConflicts', 'no conflicts'));
      kept.push(l);
    }
  }
}

/** The Gateway a ListenerSet names in `spec.parentRef`, when that Gateway admits it; else a reason. */
export function listenerSetParent(ix: Indexed, ls: Manifest): { gateway?: string; reason: string } {
  const ref = ((ls as { spec?: { parentRef?: Raw } }).spec?.parentRef ?? {}) as Raw;
  if ((ref.kind ?? 'Gateway') !== 'Gateway' || (ref.group ?? GATEWAY_GROUP) !== GATEWAY_GROUP) {
    return { reason: 'parentRef is not a Gateway' };
  }
  const gwKey = `${ref.namespace ?? nsOf(ls)}/${ref.name}`;
  const gw = ix.gateways.get(gwKey);
  if (!gw) return { reason: `Gateway ${gwKey} not found` };
  const allowed = ((gw as { spec?: { allowedListeners?: { namespaces?: Raw } } }).spec?.allowedListeners?.namespaces ??
    {}) as {
    from?: string;
    selector?: LabelSelector;
  };
  if (!namespaceAllowed(ix, allowed, nsOf(gw), nsOf(ls), 'None')) {
    return { reason: `Gateway ${gwKey} does not allow ListenerSets from namespace ${nsOf(ls)}` };
  }
  return { gateway: gwKey, reason: 'Accepted' };
}

/**
 * All listeners of a Gateway in precedence order: its own, then those of the admitted
 * ListenerSets (oldest first, then by namespace/name). Conflicts are marked on the later listener.
 */
export function resolveListeners(ix: Indexed, gw: Manifest, admitted: Manifest[]): ListenerInfo[] {
  const gwKey = keyOf(gw);
  const out: ListenerInfo[] = [];
  const own = objects((gw as { spec?: { listeners?: unknown } }).spec?.listeners);
  for (const l of own) out.push(makeListener(ix, gw, 'Gateway', gwKey, l, out.length));
  const sets = [...admitted].sort((a, b) => compareCreation(a, b) || keyOf(a).localeCompare(keyOf(b)));
  for (const ls of sets) {
    const ll = objects((ls as { spec?: { listeners?: unknown } }).spec?.listeners);
    for (const l of ll) out.push(makeListener(ix, ls, 'ListenerSet', gwKey, l, out.length));
  }
  markConflicts(out);
  return out;
}
