import type { RuleContext } from '../rule.js';
import { arr, obj, str } from './data.js';
import { GW_GROUP } from './gateway.js';

export interface GrantQuery {
  from: { group: string; kind: string; namespace: string };
  to: { group: string; kind: string; namespace: string; name: string };
}

/** Is a cross-namespace reference permitted by a ReferenceGrant in the target namespace (exact match, gateway-api.md §7)? */
export function grantAllows(ctx: RuleContext, q: GrantQuery): boolean {
  return ctx
    .allOfKind('ReferenceGrant', GW_GROUP)
    .filter((g) => g.namespace === q.to.namespace)
    .some((g) => {
      const spec = obj(g.object.spec);
      const fromOk = arr(spec.from).some((f) => {
        const o = obj(f);
        return (
          (str(o.group) ?? '') === q.from.group && str(o.kind) === q.from.kind && str(o.namespace) === q.from.namespace
        );
      });
      const toOk = arr(spec.to).some((t) => {
        const o = obj(t);
        const name = str(o.name);
        return (
          (str(o.group) ?? '') === q.to.group &&
          str(o.kind) === q.to.kind &&
          (name === undefined || name === '' || name === q.to.name)
        );
      });
      return fromOk && toOk;
    });
}

/** The ReferenceGrant YAML that would permit the reference, for hints. */
export function grantHint(q: GrantQuery): string {
  return `add a ReferenceGrant in namespace ${q.to.namespace}: from [{group: "${q.from.group}", kind: ${q.from.kind}, namespace: ${q.from.namespace}}] to [{group: "${q.to.group}", kind: ${q.to.kind}, name: ${q.to.name}}]`;
}
