import type { RuleContext } from '../rule.js';
import { num, obj } from './data.js';
import { EG_GROUP } from './gateway.js';

/**
 * How many Envoy replicas may serve traffic: the `envoyReplicas` option, else the largest of
 * EnvoyProxy envoyDeployment.replicas / envoyHpa.maxReplicas in the set; undefined when unknown.
 */
export function envoyReplicas(ctx: RuleContext): { replicas: number; source: string } | undefined {
  if (ctx.options.envoyReplicas !== undefined)
    return { replicas: ctx.options.envoyReplicas, source: 'the envoyReplicas option' };
  let best: { replicas: number; source: string } | undefined;
  for (const ep of ctx.allOfKind('EnvoyProxy', EG_GROUP)) {
    const k8s = obj(obj(obj(ep.object.spec).provider).kubernetes);
    const dep = num(obj(k8s.envoyDeployment).replicas);
    const hpa = num(obj(k8s.envoyHpa).maxReplicas);
    const cand =
      hpa !== undefined
        ? { replicas: hpa, source: `EnvoyProxy ${ep.namespace}/${ep.name} envoyHpa.maxReplicas` }
        : dep !== undefined
          ? { replicas: dep, source: `EnvoyProxy ${ep.namespace}/${ep.name} envoyDeployment.replicas` }
          : undefined;
    if (cand && (!best || cand.replicas > best.replicas)) best = cand;
  }
  return best;
}
