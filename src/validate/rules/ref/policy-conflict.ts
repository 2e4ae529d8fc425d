import type { Diagnostic } from '../../../model/diagnostic.js';
import { type Entry, finding, type Rule } from '../rule.js';
import { olderFirst, policiesIn, resolvedTargetsOf } from '../util/policy.js';

/** Two BackendTrafficPolicies on the same target (and same sectionName): the newer one is Conflicted and does nothing. */
export const policyConflict: Rule = {
  id: 'ref/policy-conflict',
  severity: 'error',
  docs: {
    description:
      'Only one BackendTrafficPolicy may attach to a target at the same level (same object, same sectionName). Envoy Gateway keeps the oldest (creationTimestamp, then namespace/name) and marks the others Accepted=False, reason Conflicted.',
    url: 'https://gateway.envoyproxy.io/docs/concepts/gateway_api_extensions/backend-traffic-policy/',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    const byTarget = new Map<string, { policy: Entry; path: (string | number)[]; label: string }[]>();
    for (const policy of policiesIn(ctx, ['BackendTrafficPolicy'], true)) {
      const seen = new Set<string>();
      for (const t of resolvedTargetsOf(ctx, policy)) {
        const key = `${t.target.object.kind}/${t.target.namespace}/${t.target.name}#${t.sectionName ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const label = `${t.target.object.kind} ${t.target.namespace}/${t.target.name}${t.sectionName ? ` section ${t.sectionName}` : ''}`;
        const list = byTarget.get(key) ?? [];
        list.push({ policy, path: t.path, label });
        byTarget.set(key, list);
      }
    }
    for (const list of byTarget.values()) {
      if (list.length < 2) continue;
      const sorted = [...list].sort((a, b) => olderFirst(a.policy, b.policy));
      const winner = sorted[0].policy;
      for (const loser of sorted.slice(1)) {
        if (loser.policy.fromCluster) continue;
        out.push(
          finding(this, loser.policy, loser.path, {
            message: `BackendTrafficPolicy ${winner.namespace}/${winner.name} already targets ${loser.label}; this one is Conflicted (Accepted=False) and none of its settings apply there`,
            hint: 'merge both policies into one, or target different sections (route rule names / listener names)',
          }),
        );
      }
    }
    return out;
  },
};
