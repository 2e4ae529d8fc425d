import type { PathSegment } from '../../../model/diagnostic.js';
import type { Entry, RuleContext } from '../rule.js';
import { arr, obj, str } from './data.js';
import { EG_GROUP, GW_GROUP } from './gateway.js';
import { labelsOf, selectorMatches } from './labels.js';

/** Envoy Gateway policy kinds that attach through targetRefs/targetSelectors. */
export const POLICY_KINDS = [
  'BackendTrafficPolicy',
  'ClientTrafficPolicy',
  'SecurityPolicy',
  'EnvoyExtensionPolicy',
] as const;

export interface TargetRef {
  path: PathSegment[];
  group: string;
  kind: string;
  name: string;
  sectionName?: string;
}

/** Policies of the validated set (and of the cluster when `withCluster`). */
export function policiesIn(ctx: RuleContext, kinds: readonly string[] = POLICY_KINDS, withCluster = false): Entry[] {
  return kinds.flatMap((k) => (withCluster ? ctx.allOfKind(k, EG_GROUP) : ctx.ofKind(k, EG_GROUP)));
}

/** targetRef (deprecated singular) and targetRefs[] of a policy. */
export function targetRefsOf(policy: Entry): TargetRef[] {
  const spec = obj(policy.object.spec);
  const one = (v: unknown, path: PathSegment[]): TargetRef => {
    const o = obj(v);
    return {
      path,
      group: str(o.group) ?? '',
      kind: str(o.kind) ?? '',
      name: str(o.name) ?? '',
      sectionName: str(o.sectionName),
    };
  };
  const out: TargetRef[] = [];
  if (spec.targetRef !== undefined) out.push(one(spec.targetRef, ['spec', 'targetRef']));
  arr(spec.targetRefs).forEach((r, i) => {
    out.push(one(r, ['spec', 'targetRefs', i]));
  });
  return out;
}

/** Objects selected by each targetSelectors[] entry (same namespace only; cross-namespace selection is not followed). */
export function selectorTargetsOf(
  ctx: RuleContext,
  policy: Entry,
): { path: PathSegment[]; kind: string; matches: Entry[] }[] {
  return arr(obj(policy.object.spec).targetSelectors).map((s, i) => {
    const sel = obj(s);
    const kind = str(sel.kind) ?? '';
    const group = str(sel.group) ?? GW_GROUP;
    const matches = ctx
      .allOfKind(kind, group)
      .filter((e) => e.namespace === policy.namespace && selectorMatches(sel, labelsOf(e.object)));
    return { path: ['spec', 'targetSelectors', i], kind, matches };
  });
}

/** Every object a policy attaches to (resolved targetRefs plus selector matches), with the sectionName when any. */
export function resolvedTargetsOf(
  ctx: RuleContext,
  policy: Entry,
): { target: Entry; sectionName?: string; path: PathSegment[] }[] {
  const out: { target: Entry; sectionName?: string; path: PathSegment[] }[] = [];
  for (const r of targetRefsOf(policy)) {
    const t = ctx.find(r.kind, policy.namespace, r.name, r.group);
    if (t) out.push({ target: t, sectionName: r.sectionName, path: r.path });
  }
  for (const s of selectorTargetsOf(ctx, policy)) for (const t of s.matches) out.push({ target: t, path: s.path });
  return out;
}

/** Section names a target offers: listener names for Gateways/ListenerSets, rule names for routes. */
export function sectionNamesOf(target: Entry): string[] {
  const spec = obj(target.object.spec);
  const list =
    target.object.kind === 'Gateway' || target.object.kind === 'ListenerSet' ? arr(spec.listeners) : arr(spec.rules);
  return list.map((x) => str(obj(x).name)).filter((n): n is string => n !== undefined);
}

/** Creation order used by Envoy Gateway to pick the winner among conflicting policies: creationTimestamp, then namespace/name. */
export function olderFirst(a: Entry, b: Entry): number {
  const ta = Date.parse(a.object.metadata?.creationTimestamp ?? '') || Number.POSITIVE_INFINITY;
  const tb = Date.parse(b.object.metadata?.creationTimestamp ?? '') || Number.POSITIVE_INFINITY;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`);
}
