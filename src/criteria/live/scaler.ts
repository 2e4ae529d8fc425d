import { ProbeError, type PromQueryResult, promQuery } from '../../probe/index.js';
import { mapOrigin } from './origin.js';

/** One Prometheus trigger of a KEDA ScaledObject, queried now. */
export interface ScalerReading {
  /** Index in `spec.triggers`. */
  trigger: number;
  name?: string;
  serverAddress: string;
  /** Where the query was sent (after `--origin` mapping). */
  queriedAt: string;
  /** How: straight to the address, to its `--origin` mapping, or through the cluster (API server service proxy). */
  via: 'direct' | 'origin' | 'cluster';
  query: string;
  threshold?: number;
  activationThreshold: number;
  minReplicas: number;
  maxReplicas: number;
  /** The query's value now (KEDA uses a scalar or a one-sample vector; empty → 0). */
  value?: number;
  /** Replicas this value implies: ceil(value / threshold) clamped to [max(min,1), max]; 0 when inactive and min is 0. */
  desiredReplicas?: number;
  error?: string;
}

/** KEDA's arithmetic for one metric, before the HPA's tolerance and stabilization window. */
export function desiredReplicas(
  value: number,
  threshold: number,
  activationThreshold: number,
  min: number,
  max: number,
): number {
  if (value <= activationThreshold && min === 0) return 0;
  return Math.min(max, Math.max(min, 1, Math.ceil(value / threshold)));
}

/** Queries every `prometheus` trigger of a ScaledObject (defaults as KEDA: min 0, max 100, activation 0). */
export async function readScaledObjectTriggers(
  scaledObject: Record<string, unknown>,
  opts: {
    origins?: Record<string, string>;
    timeoutMs?: number;
    /** Reaches in-cluster addresses (see `LiveCluster.prometheusQuery`); used when the address is not mapped. */
    clusterQuery?: (serverAddress: string, query: string, timeoutMs: number) => Promise<PromQueryResult | undefined>;
  } = {},
): Promise<ScalerReading[]> {
  const spec = (scaledObject.spec ?? {}) as Record<string, unknown>;
  const min = num(spec.minReplicaCount) ?? 0;
  const max = num(spec.maxReplicaCount) ?? 100;
  const triggers = Array.isArray(spec.triggers) ? (spec.triggers as Record<string, unknown>[]) : [];
  const out: ScalerReading[] = [];
  for (const [i, t] of triggers.entries()) {
    if (t.type !== 'prometheus') continue;
    const md = (t.metadata ?? {}) as Record<string, unknown>;
    const serverAddress = String(md.serverAddress ?? '');
    const query = String(md.query ?? '');
    const threshold = num(md.threshold);
    const activationThreshold = num(md.activationThreshold) ?? 0;
    const base: ScalerReading = {
      trigger: i,
      name: typeof t.name === 'string' ? t.name : undefined,
      serverAddress,
      queriedAt: serverAddress,
      via: 'direct',
      query,
      threshold,
      activationThreshold,
      minReplicas: min,
      maxReplicas: max,
    };
    try {
      const timeoutMs = opts.timeoutMs ?? 5000;
      const target = mapOrigin(serverAddress, opts.origins);
      base.queriedAt = target.url;
      let r = target.mapped ? undefined : await opts.clusterQuery?.(serverAddress, query, timeoutMs);
      if (r) base.via = 'cluster';
      else {
        base.via = target.mapped ? 'origin' : 'direct';
        r = await promQuery(target.url, query, timeoutMs);
      }
      if (r.samples.length > 1) {
        out.push({
          ...base,
          error: `the query returned ${r.samples.length} series; KEDA needs one (wrap it in sum(…))`,
        });
        continue;
      }
      const value = r.value ?? 0;
      out.push({
        ...base,
        value,
        desiredReplicas:
          threshold && threshold > 0 ? desiredReplicas(value, threshold, activationThreshold, min, max) : undefined,
      });
    } catch (err) {
      out.push({ ...base, error: err instanceof ProbeError || err instanceof Error ? err.message : String(err) });
    }
  }
  return out;
}

function num(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}
