import type { Manifest } from '../model/manifest.js';

/** A status condition as the API returns it (metav1.Condition). */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown' | string;
  reason?: string;
  message?: string;
  observedGeneration?: number;
}

/** Whether an object has reached the state apply waits for. */
export interface Readiness {
  state: 'ready' | 'pending' | 'failed';
  /** The condition that decided (`Programmed`, `Accepted`, `ResolvedRefs`, `Ready`, `Conflicted`). */
  condition?: string;
  /** Where it was read: `parent default/eg/https`, `ancestor default/eg`, `listener http`. */
  where?: string;
  reason?: string;
  message?: string;
  /** Not fatal but worth saying (for example no LoadBalancer address). */
  warnings: string[];
}

type Obj = Record<string, any>;

/** Reasons after which waiting longer does not help (gateway-api.md §8, envoy-gateway.md §2, keda.md §2.4). */
const FATAL: Record<string, readonly string[]> = {
  GatewayClass: ['InvalidParameters', 'Unsupported', 'UnsupportedVersion'],
  Gateway: ['InvalidParameters', 'UnsupportedAddress', 'Invalid', 'ListenersNotValid'],
  Listener: [
    'PortUnavailable',
    'UnsupportedProtocol',
    'UnsupportedValue',
    'InvalidRouteKinds',
    'HostnameConflict',
    'ProtocolConflict',
  ],
  Route: [
    'NotAllowedByListeners',
    'NoMatchingListenerHostname',
    'NoMatchingParent',
    'UnsupportedValue',
    'IncompatibleFilters',
    'RefNotPermitted',
    'InvalidKind',
    'UnsupportedProtocol',
  ],
  Policy: ['Invalid', 'Conflicted'],
  ScaledObject: ['ScaledObjectCheckFailed'],
};

/** Kinds whose status apply waits for. */
export function waitsFor(obj: Pick<Manifest, 'apiVersion' | 'kind'>): boolean {
  return ['GatewayClass', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'ScaledObject'].includes(obj.kind) || isPolicy(obj);
}

/** Gateway API / Envoy Gateway policy kinds (status.ancestors). */
export function isPolicy(obj: Pick<Manifest, 'apiVersion' | 'kind'>): boolean {
  return /Policy$/.test(obj.kind) && /^gateway\.(envoyproxy\.io|networking\.k8s\.io)\//.test(obj.apiVersion);
}

export function conditionsOf(v: unknown): Condition[] {
  return Array.isArray(v) ? (v as Condition[]).filter((c) => c && typeof c.type === 'string') : [];
}

function find(conds: Condition[], type: string): Condition | undefined {
  return conds.find((c) => c.type === type);
}

function stale(c: Condition | undefined, generation: number | undefined): boolean {
  return c?.observedGeneration !== undefined && generation !== undefined && c.observedGeneration < generation;
}

function verdict(c: Condition, fatal: readonly string[], where?: string): Readiness {
  const state =
    c.status === 'True' ? 'ready' : c.status === 'False' && fatal.includes(c.reason ?? '') ? 'failed' : 'pending';
  return { state, condition: c.type, where, reason: c.reason, message: c.message, warnings: [] };
}

const pending = (message: string, condition?: string, where?: string): Readiness => ({
  state: 'pending',
  condition,
  where,
  message,
  warnings: [],
});

/** Combines checks: the first failure wins, then the first pending; warnings are merged. */
function all(parts: Readiness[]): Readiness {
  const warnings = parts.flatMap((p) => p.warnings);
  const pick = parts.find((p) => p.state === 'failed') ?? parts.find((p) => p.state === 'pending') ?? parts[0];
  return { ...pick, warnings };
}

function gateway(o: Obj, gen?: number): Readiness {
  const conds = conditionsOf(o.status?.conditions);
  const acc = find(conds, 'Accepted');
  const prog = find(conds, 'Programmed');
  if (!prog || stale(prog, gen))
    return pending('the controller has not reported Programmed for this generation yet', 'Programmed');
  const parts: Readiness[] = [];
  if (acc?.status === 'False') parts.push(verdict(acc, FATAL.Gateway));
  if (prog.status === 'False' && prog.reason === 'AddressNotAssigned') {
    parts.push({
      state: 'ready',
      condition: 'Programmed',
      reason: prog.reason,
      message: prog.message,
      warnings: [
        `Gateway has no address (${prog.message ?? 'AddressNotAssigned'}); this cluster may have no LoadBalancer, use --port-forward`,
      ],
    });
  } else parts.push(verdict(prog, FATAL.Gateway));
  for (const l of Array.isArray(o.status?.listeners) ? o.status.listeners : []) {
    const lc = conditionsOf(l.conditions);
    const where = `listener ${l.name}`;
    parts.push(...conflictedFailure(lc, where));
    for (const t of ['Accepted', 'ResolvedRefs', 'Programmed']) {
      const c = find(lc, t);
      if (c && c.status !== 'True') parts.push(verdict(c, FATAL.Listener, where));
    }
  }
  return all(parts);
}

function sameParent(ref: Obj, status: Obj, routeNs: string): boolean {
  return (
    ref.name === status.name &&
    (ref.namespace ?? routeNs) === (status.namespace ?? routeNs) &&
    (ref.sectionName ?? '') === (status.sectionName ?? '') &&
    (ref.port ?? '') === (status.port ?? '') &&
    (ref.kind ?? 'Gateway') === (status.kind ?? 'Gateway')
  );
}

function parentName(ref: Obj, ns: string): string {
  return `${ref.namespace ?? ns}/${ref.name}${ref.sectionName ? `/${ref.sectionName}` : ''}`;
}

function route(o: Obj, gen?: number): Readiness {
  const ns = o.metadata?.namespace ?? 'default';
  const refs: Obj[] = Array.isArray(o.spec?.parentRefs) ? o.spec.parentRefs : [];
  const parents: Obj[] = Array.isArray(o.status?.parents) ? o.status.parents : [];
  const parts: Readiness[] = [];
  for (const ref of refs) {
    const where = `parent ${parentName(ref, ns)}`;
    const p = parents.find((s) => sameParent(ref, s.parentRef ?? {}, ns));
    if (!p) {
      parts.push(pending('no controller has reported status for this parent yet', 'Accepted', where));
      continue;
    }
    const conds = conditionsOf(p.conditions);
    for (const t of ['Accepted', 'ResolvedRefs']) {
      const c = find(conds, t);
      if (!c || stale(c, gen)) parts.push(pending(`${t} not reported for this generation yet`, t, where));
      else parts.push(verdict(c, FATAL.Route, where));
    }
  }
  if (parts.length === 0) return pending('the route has no parentRefs', 'Accepted');
  return all(parts);
}

function policy(o: Obj, gen?: number): Readiness {
  const ancestors: Obj[] = Array.isArray(o.status?.ancestors) ? o.status.ancestors : [];
  if (ancestors.length === 0)
    return pending('no ancestor status yet (the policy has not been attached by the controller)', 'Accepted');
  const parts: Readiness[] = [];
  for (const a of ancestors) {
    const r = a.ancestorRef ?? {};
    const where = `ancestor ${r.namespace ? `${r.namespace}/` : ''}${r.name}${r.sectionName ? `/${r.sectionName}` : ''}`;
    const conds = conditionsOf(a.conditions);
    parts.push(...conflictedFailure(conds, where));
    const acc = find(conds, 'Accepted');
    if (!acc || stale(acc, gen))
      parts.push(pending('Accepted not reported for this generation yet', 'Accepted', where));
    else {
      const v = verdict(acc, FATAL.Policy, where);
      parts.push(acc.reason === 'Conflicted' ? { ...v, condition: 'Conflicted' } : v);
    }
  }
  return all(parts);
}

function scaledObject(o: Obj): Readiness {
  const conds = conditionsOf(o.status?.conditions);
  const ready = find(conds, 'Ready');
  if (!ready) return pending('KEDA has not reported Ready yet', 'Ready');
  const v = verdict(ready, FATAL.ScaledObject);
  const fb = find(conds, 'Fallback');
  if (fb?.status === 'True') v.warnings.push(`Fallback is active: ${fb.message ?? fb.reason ?? ''}`);
  return v;
}

function gatewayClass(o: Obj, gen?: number): Readiness {
  const acc = find(conditionsOf(o.status?.conditions), 'Accepted');
  if (!acc || stale(acc, gen)) return pending('no controller has accepted this GatewayClass yet', 'Accepted');
  return verdict(acc, FATAL.GatewayClass);
}

/** Reads an object's status and says whether it is ready, still pending, or failed for good. Pure. */
export function readiness(obj: Manifest): Readiness {
  const o = obj as Obj;
  const gen = typeof o.metadata?.generation === 'number' ? o.metadata.generation : undefined;
  if (obj.kind === 'Gateway') return gateway(o, gen);
  if (obj.kind === 'HTTPRoute' || obj.kind === 'GRPCRoute') return route(o, gen);
  if (isPolicy(obj)) return policy(o, gen);
  if (obj.kind === 'ScaledObject') return scaledObject(o);
  if (obj.kind === 'GatewayClass') return gatewayClass(o, gen);
  return { state: 'ready', warnings: [] };
}

/** `Conflicted=True` on a listener or a policy ancestor is a failure, whatever the other conditions say. */
function conflictedFailure(conds: ReturnType<typeof conditionsOf>, where: string): Readiness[] {
  const c = find(conds, 'Conflicted');
  return c?.status === 'True'
    ? [{ state: 'failed', condition: 'Conflicted', where, reason: c.reason, message: c.message, warnings: [] }]
    : [];
}
