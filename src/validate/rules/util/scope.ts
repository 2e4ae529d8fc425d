import { cached, type Entry, type RuleContext } from '../rule.js';
import { attachmentsTo, parentRefsOf } from './gateway.js';
import { resolvedTargetsOf } from './policy.js';

export const keyOfEntry = (e: Entry) => `${e.object.kind}/${e.namespace ?? ''}/${e.name}`;

/**
 * The objects a policy's traffic passes through: its targets, the Gateways its target routes attach to,
 * and the routes attached to its target Gateways.
 */
export function scopeOf(ctx: RuleContext, policy: Entry): Set<string> {
  const memo = cached(ctx, 'scope:of', () => new Map<Entry, Set<string>>());
  const hit = memo.get(policy);
  if (hit) return hit;
  const keys = new Set<string>();
  memo.set(policy, keys);
  for (const { target } of resolvedTargetsOf(ctx, policy)) {
    keys.add(keyOfEntry(target));
    if (target.object.kind === 'Gateway') {
      for (const { route } of attachmentsTo(ctx, target)) keys.add(keyOfEntry(route));
    } else {
      for (const ref of parentRefsOf(target)) keys.add(`${ref.kind}/${ref.namespace}/${ref.name}`);
    }
  }
  return keys;
}

/**
 * Index from target key to the policies that target it. Query it with `meeting(index, scopeOf(ctx, p))`
 * to find the policies that act on p's traffic: those on p's targets, on the Gateways its routes attach to,
 * or on the routes of the Gateway it targets.
 */
export function indexByTarget(ctx: RuleContext, entries: readonly Entry[]): Map<string, Entry[]> {
  const index = new Map<string, Entry[]>();
  for (const e of entries) {
    for (const k of new Set(resolvedTargetsOf(ctx, e).map((t) => keyOfEntry(t.target)))) {
      const list = index.get(k) ?? [];
      list.push(e);
      index.set(k, list);
    }
  }
  return index;
}

/** Entries of an index under any key of `scope`. */
export function meeting(index: Map<string, Entry[]>, scope: Set<string>): Entry[] {
  const out = new Set<Entry>();
  for (const k of scope) for (const e of index.get(k) ?? []) out.add(e);
  return [...out];
}
