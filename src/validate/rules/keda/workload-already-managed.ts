import type { Diagnostic } from '../../../model/diagnostic.js';
import { type Entry, finding, type Rule } from '../rule.js';
import { arr, obj, str } from '../util/data.js';
import { hpaNameOf, KEDA_GROUP, scaledObjectsIn, scaleTargetOf } from '../util/keda.js';

const groupOfApiVersion = (v: string) => (v.includes('/') ? v.slice(0, v.indexOf('/')) : '');

/** KEDA webhook W3/W5/W6: no other ScaledObject or HPA in the namespace already scales the same workload. */
export const workloadAlreadyManaged: Rule = {
  id: 'keda/workload-already-managed',
  severity: 'error',
  docs: {
    description:
      'A workload may be scaled by one ScaledObject or HPA only: the KEDA webhook rejects a second ScaledObject, or one whose target an HPA already scales (unless ownership transfer is set up).',
    url: 'https://keda.sh/docs/2.20/concepts/scaling-deployments/',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    const targetKey = (ns: string | undefined, g: string, kind: string, name: string) => `${ns}|${g}|${kind}|${name}`;
    const sos = group(ctx.allOfKind('ScaledObject', KEDA_GROUP), (o) => {
      const t = scaleTargetOf(o);
      return targetKey(o.namespace, t.group, t.kind, t.name);
    });
    const hpas = group(ctx.allOfKind('HorizontalPodAutoscaler', 'autoscaling'), (h) => {
      const ref = obj(obj(h.object.spec).scaleTargetRef);
      return targetKey(
        h.namespace,
        groupOfApiVersion(str(ref.apiVersion) ?? 'apps/v1'),
        str(ref.kind) ?? '',
        str(ref.name) ?? '',
      );
    });
    for (const so of scaledObjectsIn(ctx)) {
      const t = scaleTargetOf(so);
      const type = `${t.apiVersion}.${t.kind}`;
      const key = targetKey(so.namespace, t.group, t.kind, t.name);
      const earlier = (sos.get(key) ?? []).find((o) => o !== so && precedes(o, so));
      if (earlier) {
        out.push(
          finding(this, so, ['spec', 'scaleTargetRef'], {
            message: `the workload '${t.name}' of type '${type}' is already managed by the ScaledObject '${earlier.name}'`,
            hint: 'use a single ScaledObject per workload (several triggers can live in one ScaledObject)',
          }),
        );
      }
      for (const hpa of hpas.get(key) ?? []) {
        if (ownedBy(hpa, so)) continue;
        if (hpa.object.metadata?.annotations?.['validations.keda.sh/hpa-ownership'] === 'false') continue;
        const transfer = so.object.metadata?.annotations?.['scaledobject.keda.sh/transfer-hpa-ownership'] === 'true';
        if (transfer && hpaNameOf(so) === hpa.name) continue;
        out.push(
          finding(this, so, ['spec', 'scaleTargetRef'], {
            message: transfer
              ? `the existing hpa '${hpa.name}' for workload '${t.name}' of type '${type}' must be specified by name in advanced settings to enable ownership transfer`
              : `the workload '${t.name}' of type '${type}' is already managed by the hpa '${hpa.name}'`,
            hint: transfer
              ? `set spec.advanced.horizontalPodAutoscalerConfig.name: ${hpa.name}`
              : `delete HPA ${hpa.name}, or adopt it: annotate the ScaledObject scaledobject.keda.sh/transfer-hpa-ownership: "true" and set spec.advanced.horizontalPodAutoscalerConfig.name: ${hpa.name}`,
          }),
        );
      }
    }
    return out;
  },
};

/** Groups entries by a key. */
export function group(entries: readonly Entry[], keyOf: (e: Entry) => string): Map<string, Entry[]> {
  const out = new Map<string, Entry[]>();
  for (const e of entries) {
    const k = keyOf(e);
    const list = out.get(k) ?? [];
    list.push(e);
    out.set(k, list);
  }
  return out;
}

/** The other object was there first: it is in the cluster, or earlier in the validated set. */
export function precedes(other: Entry, self: Entry): boolean {
  if (other.fromCluster) return true;
  if (!other.doc || !self.doc) return false;
  const a = other.doc;
  const b = self.doc;
  if (a.file !== b.file) return (a.file ?? '') < (b.file ?? '');
  return a.index < b.index;
}

function ownedBy(hpa: Entry, so: Entry): boolean {
  return arr(hpa.object.metadata?.ownerReferences).some(
    (r) => str(obj(r).kind) === 'ScaledObject' && str(obj(r).name) === so.name,
  );
}
