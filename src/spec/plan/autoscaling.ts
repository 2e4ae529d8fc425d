import type { Diagnostic } from '../../model/diagnostic.js';
import type { AutoscalingSpec, TriggerSpec } from '../schema/autoscaling.js';
import type { PlanAutoscaling, PlanRoute, PlanTrigger } from './types.js';

/** Number → the string form KEDA's map[string]string metadata needs. */
const str = (n: number): string => String(n);

/**
 * Default scaling query: the request rate Envoy counts for the generated route rules that send traffic
 * to the scaled workload's Service (`envoy_cluster_name` is `httproute/<ns>/<route>/rule/<i>`).
 */
export function defaultQuery(namespace: string, routes: PlanRoute[], service: string): string {
  const names: string[] = [];
  const all: string[] = [];
  for (const r of routes)
    for (const [i, rule] of r.rules.entries()) {
      const name = `httproute/${namespace}/${r.name}/rule/${i}`;
      all.push(name);
      if (rule.backends.some((b) => b.name === service)) names.push(name);
    }
  if (names.length === 0) names.push(...all);
  const selector = names.length === 1 ? `envoy_cluster_name="${names[0]}"` : `envoy_cluster_name=~"${names.join('|')}"`;
  return `sum(rate(envoy_cluster_upstream_rq_total{${selector}}[2m]))`;
}

function trigger(t: TriggerSpec, ctx: { namespace: string; routes: PlanRoute[]; service: string }): PlanTrigger {
  const name = t.name ? { name: t.name } : {};
  switch (t.type) {
    case 'prometheus':
      return {
        type: 'prometheus',
        ...name,
        metadata: {
          serverAddress: t.serverAddress,
          query: t.query ?? defaultQuery(ctx.namespace, ctx.routes, ctx.service),
          threshold: str(t.threshold),
          ...(t.activationThreshold !== undefined ? { activationThreshold: str(t.activationThreshold) } : {}),
          ignoreNullValues: String(t.ignoreNullValues),
        },
      };
    case 'cpu':
    case 'memory':
      return { type: t.type, ...name, metricType: 'Utilization', metadata: { value: str(t.utilization) } };
    case 'cron':
      return {
        type: 'cron',
        ...name,
        metadata: { timezone: t.timezone, start: t.start, end: t.end, desiredReplicas: str(t.desiredReplicas) },
      };
  }
}

export function planAutoscaling(
  a: AutoscalingSpec,
  ctx: { app: string; namespace: string; routes: PlanRoute[] },
): { autoscaling: PlanAutoscaling; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const targetName = a.target.name ?? ctx.app;
  // pollingInterval and cooldownPeriod only act on scale to/from zero; with min ≥ 1 KEDA's webhook warns
  // that they are not relevant, so they are emitted only when they do something.
  const idleCapable = a.engine === 'keda' && a.minReplicas === 0;
  for (const f of ['pollingInterval', 'cooldownPeriod'] as const)
    if (a[f] !== undefined && !idleCapable)
      diagnostics.push({
        code: 'plan/scaler-field-no-effect',
        severity: 'warning',
        path: `autoscaling.${f}`,
        message: `${f} has no effect with minReplicas ${a.minReplicas}${a.engine === 'hpa' ? ' on a plain HPA' : ''}: it only governs scaling to and from zero; it is left out`,
        hint: 'tune scale-down speed with autoscaling.behavior.scaleDown.stabilizationWindowSeconds instead',
      });
  if (a.fallback && a.triggers.every((t) => t.type === 'cpu' || t.type === 'memory'))
    diagnostics.push({
      code: 'plan/fallback-needs-external-trigger',
      severity: 'error',
      path: 'autoscaling.fallback',
      message: "KEDA's admission webhook rejects fallback on a ScaledObject whose triggers are all cpu/memory",
      hint: 'add a prometheus trigger or drop fallback',
    });
  const behavior =
    a.behavior && (a.behavior.scaleUp || a.behavior.scaleDown) ? (a.behavior as Record<string, unknown>) : undefined;
  return {
    autoscaling: {
      engine: a.engine,
      name: a.name ?? `${ctx.app}-scaler`,
      target: { apiVersion: 'apps/v1', kind: a.target.kind, name: targetName },
      minReplicas: a.minReplicas,
      maxReplicas: a.maxReplicas,
      ...(idleCapable && a.pollingInterval !== undefined ? { pollingInterval: a.pollingInterval } : {}),
      ...(idleCapable && a.cooldownPeriod !== undefined ? { cooldownPeriod: a.cooldownPeriod } : {}),
      ...(a.fallback && a.engine === 'keda' ? { fallback: a.fallback } : {}),
      ...(behavior ? { behavior } : {}),
      triggers: a.triggers.map((t) =>
        trigger(t, { namespace: ctx.namespace, routes: ctx.routes, service: targetName }),
      ),
    },
    diagnostics,
  };
}
