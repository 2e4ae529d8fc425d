/**
 * KEDA / HPA replica math (reference keda.md §2.4, §3.2, §3.3, §5).
 * AverageValue: desired = ceil(value / threshold) (per-pod target); Value: desired =
 * ceil(value / threshold × current). Inside the tolerance (|ratio − 1| ≤ 0.1) the HPA keeps the
 * current count. Clamped to [HPA min (minReplicaCount, at least 1), maxReplicaCount]. With
 * minReplicaCount 0, KEDA's activation decides 0 ↔ 1: active iff value > activationThreshold.
 */

export interface ScalingInput {
  value: number;
  threshold: number;
  metricType?: 'AverageValue' | 'Value';
  /** Replicas now (ready pods). */
  current: number;
  minReplicas?: number;
  maxReplicas?: number;
  activationThreshold?: number;
  /** @default 0.1 */
  tolerance?: number;
}

export interface ScalingOutcome {
  desired: number;
  /** Before clamping (the HPA's raw recommendation), undefined when KEDA decides (scale to/from zero). */
  raw?: number;
  active: boolean;
  withinTolerance: boolean;
  explanation: string;
}

export function desiredReplicas(s: ScalingInput): ScalingOutcome {
  const min = s.minReplicas ?? 0;
  const max = s.maxReplicas ?? 100;
  const tol = s.tolerance ?? 0.1;
  const type = s.metricType ?? 'AverageValue';
  const active = s.value > (s.activationThreshold ?? 0);
  if (min === 0 && !active)
    return {
      desired: 0,
      active,
      withinTolerance: false,
      explanation: `value ${s.value} ≤ activationThreshold ${s.activationThreshold ?? 0}: inactive, KEDA scales to 0 after cooldownPeriod`,
    };
  const hpaMin = Math.max(1, min);
  if (s.current === 0) {
    return {
      desired: hpaMin,
      active,
      withinTolerance: false,
      explanation: `active at 0 replicas: KEDA scales to ${hpaMin}, then the HPA takes over`,
    };
  }
  const ratio = type === 'AverageValue' ? s.value / (s.threshold * s.current) : s.value / s.threshold;
  const within = Math.abs(1 - ratio) <= tol;
  const raw = within
    ? s.current
    : type === 'AverageValue'
      ? Math.ceil(s.value / s.threshold)
      : Math.ceil(ratio * s.current);
  const desired = Math.min(max, Math.max(hpaMin, raw));
  const how =
    type === 'AverageValue'
      ? `ceil(${s.value} / ${s.threshold}) = ${Math.ceil(s.value / s.threshold)}`
      : `ceil(${s.value} / ${s.threshold} × ${s.current}) = ${Math.ceil(ratio * s.current)}`;
  const explanation = within
    ? `usage ratio ${ratio.toFixed(3)} within ±${tol}: stays at ${s.current}${desired !== s.current ? `, clamped to ${desired}` : ''}`
    : `${how}${desired !== raw ? `, clamped to [${hpaMin}, ${max}] → ${desired}` : ''}`;
  return { desired, raw, active, withinTolerance: within, explanation };
}

export interface ScalingPolicy {
  type: 'Pods' | 'Percent';
  value: number;
  periodSeconds: number;
}

export interface ScalingRules {
  stabilizationWindowSeconds: number;
  selectPolicy: 'Max' | 'Min' | 'Disabled';
  policies: ScalingPolicy[];
}

/** Kubernetes HPA behavior defaults (autoscaling/v2 defaults.go; scaleDown window = controller flag default 300 s). */
export const HPA_BEHAVIOR_DEFAULTS: { scaleUp: ScalingRules; scaleDown: ScalingRules } = {
  scaleUp: {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
  },
  scaleDown: {
    stabilizationWindowSeconds: 300,
    selectPolicy: 'Max',
    policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
  },
};

/** Behavior with per-field defaulting: a given `policies` list replaces the default list. */
export function effectiveBehavior(behavior?: { scaleUp?: Partial<ScalingRules>; scaleDown?: Partial<ScalingRules> }) {
  return {
    scaleUp: { ...HPA_BEHAVIOR_DEFAULTS.scaleUp, ...(behavior?.scaleUp ?? {}) } as ScalingRules,
    scaleDown: { ...HPA_BEHAVIOR_DEFAULTS.scaleDown, ...(behavior?.scaleDown ?? {}) } as ScalingRules,
  };
}

/**
 * Replicas after one period of scaling from `current` toward `desired` (stabilization already
 * applied): the rate policies bound the step; `Max` picks the policy allowing the biggest change.
 */
export function nextReplicas(
  current: number,
  desired: number,
  behavior?: Parameters<typeof effectiveBehavior>[0],
): number {
  const b = effectiveBehavior(behavior);
  if (desired === current) return current;
  const up = desired > current;
  const rules = up ? b.scaleUp : b.scaleDown;
  if (rules.selectPolicy === 'Disabled') return current;
  const changes = rules.policies.map((p) => (p.type === 'Pods' ? p.value : Math.ceil((current * p.value) / 100)));
  if (changes.length === 0) return desired;
  const step = rules.selectPolicy === 'Min' ? Math.min(...changes) : Math.max(...changes);
  return up ? Math.min(desired, current + step) : Math.max(desired, current - step);
}

/** Scale-down stabilization: the highest recommendation within the window is used. */
export function stabilizedDown(
  recommendations: readonly { at: number; replicas: number }[],
  now: number,
  windowSeconds = 300,
): number | undefined {
  const inWindow = recommendations.filter((r) => r.at > now - windowSeconds * 1000 && r.at <= now);
  return inWindow.length ? Math.max(...inWindow.map((r) => r.replicas)) : undefined;
}
