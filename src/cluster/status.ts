import type { ResourceRef } from '../model/diagnostic.js';
import { isManifest, type Manifest, refOf, type SourceDoc } from '../model/manifest.js';
import type { ClusterClient } from './client.js';
import { type Condition, conditionsOf, isPolicy, type Readiness, readiness } from './conditions.js';
import { type EnvoyService, findEnvoyService } from './envoy-service.js';

/** One condition, with where it was read (`gateway`, `listener http`, `parent task-api/eg/http`, `ancestor …`). */
export interface ConditionRow extends Condition {
  scope: string;
}

export interface HpaStatus {
  name: string;
  found: boolean;
  currentReplicas?: number;
  desiredReplicas?: number;
  minReplicas?: number;
  maxReplicas?: number;
}

export interface ObjectStatus {
  ref: ResourceRef;
  found: boolean;
  readiness?: Readiness;
  conditions: ConditionRow[];
  /** Gateway listeners and the number of routes attached to each. */
  listeners?: { name: string; attachedRoutes: number }[];
  /** Gateway addresses (LoadBalancer IP/hostname). */
  addresses?: string[];
  /** For a Gateway: the Envoy Service Envoy Gateway created for it (address, node ports). */
  envoyService?: EnvoyService;
  /** ScaledObject READY / ACTIVE / FALLBACK / PAUSED column values, and its generated HPA. */
  scaledObject?: { ready?: string; active?: string; fallback?: string; paused?: string; hpa: HpaStatus };
}

export interface StatusResult {
  context: string;
  server: string;
  objects: ObjectStatus[];
}

/** A reference to a live object (when no manifest is at hand). */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

type Obj = Record<string, any>;

function rows(scope: string, conds: unknown): ConditionRow[] {
  return conditionsOf(conds).map((c) => ({
    scope,
    type: c.type,
    status: c.status,
    reason: c.reason,
    message: c.message,
    observedGeneration: c.observedGeneration,
  }));
}

function refName(r: Obj, defaultNs?: string): string {
  const ns = r.namespace ?? defaultNs;
  return `${ns ? `${ns}/` : ''}${r.name}${r.sectionName ? `/${r.sectionName}` : ''}`;
}

/** The HPA KEDA generates for a ScaledObject (keda.md §2.3: `keda-hpa-<name>` unless advanced.horizontalPodAutoscalerConfig.name). */
export function hpaNameOf(so: Manifest): string {
  const custom = (so as Obj).spec?.advanced?.horizontalPodAutoscalerConfig?.name;
  return typeof custom === 'string' && custom ? custom : `keda-hpa-${so.metadata.name}`;
}

async function scaledObjectExtra(client: ClusterClient, live: Obj): Promise<ObjectStatus['scaledObject']> {
  const conds = conditionsOf(live.status?.conditions);
  const col = (t: string) => conds.find((c) => c.type === t)?.status;
  const name = live.status?.hpaName ?? hpaNameOf(live as Manifest);
  const hpa = await client.get({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name, namespace: live.metadata?.namespace },
  });
  const h = hpa as Obj | undefined;
  return {
    ready: col('Ready'),
    active: col('Active'),
    fallback: col('Fallback'),
    paused: col('Paused'),
    hpa: {
      name,
      found: !!h,
      currentReplicas: h?.status?.currentReplicas,
      desiredReplicas: h?.status?.desiredReplicas,
      minReplicas: h?.spec?.minReplicas,
      maxReplicas: h?.spec?.maxReplicas,
    },
  };
}

/** Reads one live object's conditions into rows (pure except for the ScaledObject's HPA lookup). */
async function statusOf(
  client: ClusterClient,
  want: Pick<Manifest, 'apiVersion' | 'kind' | 'metadata'>,
): Promise<ObjectStatus> {
  const live = (await client.get(want)) as Obj | undefined;
  const ref = refOf(want as Manifest);
  if (!ref.namespace && live?.metadata?.namespace) ref.namespace = live.metadata.namespace;
  if (!live) return { ref, found: false, conditions: [] };
  const out: ObjectStatus = { ref, found: true, readiness: readiness(live as Manifest), conditions: [] };
  const st = live.status ?? {};
  const ns = live.metadata?.namespace;
  if (want.kind === 'Gateway') {
    out.conditions.push(...rows('gateway', st.conditions));
    out.listeners = [];
    for (const l of Array.isArray(st.listeners) ? st.listeners : []) {
      out.listeners.push({ name: l.name, attachedRoutes: l.attachedRoutes ?? 0 });
      out.conditions.push(...rows(`listener ${l.name} (${l.attachedRoutes ?? 0} routes)`, l.conditions));
    }
    out.addresses = (Array.isArray(st.addresses) ? st.addresses : []).map((a: Obj) => String(a.value));
    out.envoyService = await findEnvoyService(client, ns ?? client.defaultNamespace, live.metadata?.name);
  } else if (want.kind === 'HTTPRoute' || want.kind === 'GRPCRoute') {
    for (const p of Array.isArray(st.parents) ? st.parents : [])
      out.conditions.push(...rows(`parent ${refName(p.parentRef ?? {}, ns)}`, p.conditions));
  } else if (isPolicy(want)) {
    for (const a of Array.isArray(st.ancestors) ? st.ancestors : [])
      out.conditions.push(...rows(`ancestor ${refName(a.ancestorRef ?? {})}`, a.conditions));
  } else {
    out.conditions.push(...rows(want.kind.toLowerCase(), st.conditions));
  }
  if (want.kind === 'ScaledObject') out.scaledObject = await scaledObjectExtra(client, live);
  return out;
}

function toWant(
  x: SourceDoc | Manifest | ObjectRef,
  defaultNs: string,
): Pick<Manifest, 'apiVersion' | 'kind' | 'metadata'> {
  if ('positionOf' in x && typeof x.positionOf === 'function') return (x as SourceDoc).object;
  if (isManifest(x) && (x as Manifest).metadata) return x as Manifest;
  const r = x as ObjectRef;
  return { apiVersion: r.apiVersion, kind: r.kind, metadata: { name: r.name, namespace: r.namespace ?? defaultNs } };
}

/**
 * Every object's live conditions: Gateway (and its listeners with attached routes), route parents, policy
 * ancestors (incl. Conflicted), ScaledObject READY/ACTIVE/FALLBACK and its generated HPA's replicas.
 * Secrets and other kinds show only their own conditions; no data fields are read out.
 */
export async function status(
  client: ClusterClient,
  input: readonly (SourceDoc | Manifest | ObjectRef)[],
): Promise<StatusResult> {
  const objects: ObjectStatus[] = [];
  for (const x of input) objects.push(await statusOf(client, toWant(x, client.defaultNamespace)));
  return { context: client.context, server: client.server, objects };
}
