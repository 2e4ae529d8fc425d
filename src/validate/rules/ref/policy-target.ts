import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { policiesIn, sectionNamesOf, selectorTargetsOf, targetRefsOf } from '../util/policy.js';

const SILENT =
  'Envoy Gateway skips a policy whose target does not exist and gives it no status at all (no Accepted condition, or a stale one), so nothing tells you it is not applied';

/** Policy targetRefs/targetSelectors (BackendTrafficPolicy, ClientTrafficPolicy, SecurityPolicy, EnvoyExtensionPolicy) resolve. */
export const policyTarget: Rule = {
  id: 'ref/policy-target',
  severity: 'warning',
  docs: {
    description:
      'An Envoy Gateway policy must target existing objects in its own namespace; a missing target is silent (no status), and an unknown sectionName makes the policy Accepted=False (TargetNotFound).',
    url: 'https://gateway.envoyproxy.io/docs/concepts/gateway_api_extensions/backend-traffic-policy/',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const policy of policiesIn(ctx)) {
      for (const r of targetRefsOf(policy)) {
        const target = ctx.find(r.kind, policy.namespace, r.name, r.group);
        if (!target) {
          out.push(
            finding(this, policy, [...r.path, 'name'], {
              severity: ctx.missingSeverity(),
              message: `target ${r.kind} ${policy.namespace}/${r.name} is not in the validated set${ctx.connected ? ' nor in the cluster' : ' (it may exist in the cluster)'}. ${SILENT}`,
              hint: `fix the target name/kind, or create ${r.kind} ${r.name} in namespace ${policy.namespace} (policies only target their own namespace)`,
            }),
          );
          continue;
        }
        if (r.sectionName !== undefined) {
          const sections = sectionNamesOf(target);
          if (!sections.includes(r.sectionName)) {
            out.push(
              finding(this, policy, [...r.path, 'sectionName'], {
                severity: 'error',
                message: `${r.kind} ${policy.namespace}/${r.name} has no section "${r.sectionName}" (${r.kind === 'Gateway' || r.kind === 'ListenerSet' ? 'listener' : 'rule'} names: ${sections.join(', ') || 'none'}); the policy becomes Accepted=False (TargetNotFound)`,
                hint: 'use an existing listener name (Gateway) or rules[].name (route)',
              }),
            );
          }
        }
      }
      for (const s of selectorTargetsOf(ctx, policy)) {
        if (s.matches.length > 0) continue;
        out.push(
          finding(this, policy, s.path, {
            message: `targetSelectors entry selects no ${s.kind} in namespace ${policy.namespace}${ctx.connected ? '' : ' of the validated set'}. ${SILENT}`,
            hint: 'check the labels of the intended targets',
          }),
        );
      }
    }
    return out;
  },
};
