import type { Entry, RuleContext } from '../rule.js';
import { attachmentsTo, parentRefsOf } from './gateway.js';
import { resolvedTargetsOf } from './policy.js';

export const keyOfEntry = (e: Entry) => `${e.object.kind}/${e.namespace ?? ''}/${e.name}`;

/**
 * The objects a policy's traffic passes through: its targets, the Gateways its target routes attach to,
 * and the routes attached to its target Gateways. Two policies act on the same traffic when their scopes meet.
 */
export function scopeOf(ctx: RuleContext, policy: Entry): Set<string> {
  const keys = new Set<string>();
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

export function scopesMeet(a: Set<string>, b: Set<string>): boolean {
  for (const k of a) if (b.has(k)) return true;
  return false;
}
