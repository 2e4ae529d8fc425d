/**
 * Which BackendTrafficPolicy applies to a routed request (reference §2, §5): targetRefs (with
 * sectionName naming a route rule or a Gateway listener) and targetSelectors (labels, same
 * namespace); the most specific level wins — route rule > route > listener > Gateway; two
 * policies on the same target at the same level: the oldest (creationTimestamp, then
 * namespace/name) wins and the others are Conflicted and ignored there; an effective policy that
 * fails translation makes the route answer 500.
 */
import { selectorMatches } from '../../model/labels.js';
import type { Manifest } from '../../model/manifest.js';
import { objects } from './rules.js';
import { type PolicyProblem, policyProblems, type ValidateOptions } from './validate.js';

type Raw = Record<string, unknown>;

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

export type PolicyLevel = 'route-rule' | 'route' | 'listener' | 'gateway';
const LEVELS: PolicyLevel[] = ['route-rule', 'route', 'listener', 'gateway'];

export interface TargetObject {
  namespace: string;
  name: string;
  labels?: Record<string, string>;
}

/** Where a request was routed: the Gateway and listener, the HTTPRoute and the rule. */
export interface PolicyTarget {
  gateway: TargetObject;
  listener?: string;
  /** Listener names of the Gateway (to detect a sectionName that names none). */
  listenerNames?: string[];
  route?: TargetObject & { kind?: string };
  ruleName?: string;
  /** Rule names of the route (to detect a sectionName that names none). */
  ruleNames?: string[];
}

export interface AttachedPolicy {
  policy: Manifest;
  /** `namespace/name` of the policy. */
  key: string;
  level: PolicyLevel;
  /** How it selects the target, e.g. `targetRefs[0] HTTPRoute task-api-route`. */
  via: string;
}

export interface PolicyResolution {
  effective?: AttachedPolicy & { problems: PolicyProblem[] };
  /** Less specific policies that also apply (Overridden=True). */
  overridden: AttachedPolicy[];
  /** Policies that lost a same-level tie on this target (Accepted=False, Conflicted). */
  conflicted: (AttachedPolicy & { winner: string })[];
  /** Policies whose sectionName names no rule/listener (Accepted=False, TargetNotFound). */
  targetNotFound: (AttachedPolicy & { message: string })[];
  /** Set when the effective policy is invalid: the route answers 500 with this reason. */
  status500?: string;
  notes: string[];
}

function keyOf(m: Manifest): string {
  return `${m.metadata.namespace ?? 'default'}/${m.metadata.name ?? ''}`;
}

/** Every (level, via, sectionName problem) by which one policy selects the target. */
function selections(p: Manifest, t: PolicyTarget): { level: PolicyLevel; via: string; notFound?: string }[] {
  const spec = ((p as { spec?: Raw }).spec ?? {}) as Raw;
  const ns = p.metadata.namespace ?? 'default';
  const out: { level: PolicyLevel; via: string; notFound?: string }[] = [];
  const refs = [...objects(spec.targetRefs).map((r, i) => ({ r, via: `targetRefs[${i}]` }))];
  if (spec.targetRef && typeof spec.targetRef === 'object')
    refs.push({ r: spec.targetRef as Raw, via: 'targetRef (deprecated)' });
  for (const { r, via } of refs) {
    if ((r.group ?? GATEWAY_GROUP) !== GATEWAY_GROUP) continue;
    const section = typeof r.sectionName === 'string' ? r.sectionName : undefined;
    if (
      r.kind === 'HTTPRoute' &&
      t.route &&
      (t.route.kind ?? 'HTTPRoute') === 'HTTPRoute' &&
      t.route.namespace === ns &&
      r.name === t.route.name
    ) {
      if (section === undefined) out.push({ level: 'route', via: `${via} HTTPRoute ${r.name}` });
      else if (t.ruleNames && !t.ruleNames.includes(section))
        out.push({
          level: 'route-rule',
          via: `${via} HTTPRoute ${r.name} rule ${section}`,
          notFound: `No section name ${section} found for HTTPRoute ${ns}/${r.name}`,
        });
      else if (section === t.ruleName)
        out.push({ level: 'route-rule', via: `${via} HTTPRoute ${r.name} rule ${section}` });
    }
    if (r.kind === 'Gateway' && t.gateway.namespace === ns && r.name === t.gateway.name) {
      if (section === undefined) out.push({ level: 'gateway', via: `${via} Gateway ${r.name}` });
      else if (t.listenerNames && !t.listenerNames.includes(section))
        out.push({
          level: 'listener',
          via: `${via} Gateway ${r.name} listener ${section}`,
          notFound: `No section name ${section} found for Gateway ${ns}/${r.name}`,
        });
      else if (section === t.listener)
        out.push({ level: 'listener', via: `${via} Gateway ${r.name} listener ${section}` });
    }
  }
  objects(spec.targetSelectors).forEach((s, i) => {
    if ((s.group ?? GATEWAY_GROUP) !== GATEWAY_GROUP) return;
    if (s.kind === 'HTTPRoute' && t.route && t.route.namespace === ns && selectorMatches(s, t.route.labels ?? {}))
      out.push({ level: 'route', via: `targetSelectors[${i}] HTTPRoute labels` });
    if (s.kind === 'Gateway' && t.gateway.namespace === ns && selectorMatches(s, t.gateway.labels ?? {}))
      out.push({ level: 'gateway', via: `targetSelectors[${i}] Gateway labels` });
  });
  return out;
}

/** Older first: creationTimestamp (missing counts as equal), then namespace/name. */
function precedence(a: Manifest, b: Manifest): number {
  const ta = a.metadata.creationTimestamp ? Date.parse(a.metadata.creationTimestamp) : 0;
  const tb = b.metadata.creationTimestamp ? Date.parse(b.metadata.creationTimestamp) : 0;
  if (ta !== tb) return ta - tb;
  return keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0;
}

/** The policy that applies to a routed request, and what happened to the others. Pure. */
export function resolvePolicy(
  manifests: readonly Manifest[],
  target: PolicyTarget,
  opts: ValidateOptions = {},
): PolicyResolution {
  const policies = manifests.filter((m) => m.kind === 'BackendTrafficPolicy').sort(precedence);
  const res: PolicyResolution = { overridden: [], conflicted: [], targetNotFound: [], notes: [] };
  const winners: AttachedPolicy[] = [];
  for (const level of LEVELS) {
    let winner: AttachedPolicy | undefined;
    for (const p of policies) {
      const sel = selections(p, target).filter((s) => s.level === level);
      for (const s of sel.filter((x) => x.notFound))
        res.targetNotFound.push({ policy: p, key: keyOf(p), level, via: s.via, message: s.notFound as string });
      const hit = sel.find((s) => !s.notFound);
      if (!hit) continue;
      const a: AttachedPolicy = { policy: p, key: keyOf(p), level, via: hit.via };
      if (!winner) winner = a;
      else if (winner.key !== a.key) res.conflicted.push({ ...a, winner: winner.key });
    }
    if (winner) winners.push(winner);
  }
  const [effective, ...rest] = winners;
  res.overridden = rest.filter((r) => r.key !== effective?.key);
  if (!effective) return res;
  const problems = policyProblems(effective.policy, opts);
  res.effective = { ...effective, problems };
  const translation = problems.filter((p) => p.stage === 'translation');
  const admission = problems.filter((p) => p.stage === 'admission');
  if (translation.length > 0)
    res.status500 = `BackendTrafficPolicy ${effective.key} is invalid (Accepted=False, reason Invalid), so Envoy Gateway answers 500 on its routes: ${translation.map((p) => p.message).join('; ')}`;
  if (admission.length > 0)
    res.notes.push(
      `the API server would reject BackendTrafficPolicy ${effective.key}: ${admission.map((p) => p.message).join('; ')}`,
    );
  if ((effective.policy as { spec?: Raw }).spec?.mergeType !== undefined && rest.length > 0)
    res.notes.push(
      `${effective.key} sets mergeType: merging into ${rest[0].key} is not simulated; only the route-level policy is used`,
    );
  return res;
}
