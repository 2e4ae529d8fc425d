import type { Entry, RuleContext } from '../rule.js';
import { arr, num, type Obj, obj, str } from './data.js';

export const KEDA_GROUP = 'keda.sh';

export interface Trigger {
  index: number;
  type: string;
  name?: string;
  metadata: Obj;
  raw: Obj;
}

export function scaledObjectsIn(ctx: RuleContext): Entry[] {
  return ctx.ofKind('ScaledObject', KEDA_GROUP);
}

export function triggersOf(so: Entry): Trigger[] {
  return arr(obj(so.object.spec).triggers).map((t, index) => {
    const o = obj(t);
    return { index, type: str(o.type) ?? '', name: str(o.name), metadata: obj(o.metadata), raw: o };
  });
}

export const isCpuMemory = (t: Trigger) => t.type === 'cpu' || t.type === 'memory';

/** scaleTargetRef with KEDA's defaults (apps/v1, Deployment). */
export function scaleTargetOf(so: Entry): { apiVersion: string; group: string; kind: string; name: string } {
  const ref = obj(obj(so.object.spec).scaleTargetRef);
  const apiVersion = str(ref.apiVersion) || 'apps/v1';
  const i = apiVersion.indexOf('/');
  return {
    apiVersion,
    group: i < 0 ? '' : apiVersion.slice(0, i),
    kind: str(ref.kind) || 'Deployment',
    name: str(ref.name) ?? '',
  };
}

/** Min replicas as the webhook computes it (W7): minReplicaCount if set (an explicit 0 counts as 1), else 0. */
export function webhookMin(so: Entry): number {
  const min = num(obj(so.object.spec).minReplicaCount);
  if (min === undefined) return 0;
  return min === 0 ? 1 : min;
}

export function maxReplicas(so: Entry): number {
  return num(obj(so.object.spec).maxReplicaCount) ?? 100;
}

/** The HPA name KEDA generates (or the custom one). */
export function hpaNameOf(so: Entry): string {
  const custom = str(obj(obj(obj(so.object.spec).advanced).horizontalPodAutoscalerConfig).name);
  return custom || `keda-hpa-${so.name}`;
}
