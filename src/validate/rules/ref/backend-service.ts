import type { Diagnostic } from '../../../model/diagnostic.js';
import { groupOf } from '../../../model/manifest.js';
import { finding, type Rule } from '../rule.js';
import { arr, num, obj, str } from '../util/data.js';
import { EG_GROUP, routesIn } from '../util/gateway.js';
import { type GrantQuery, grantAllows, grantHint } from '../util/grants.js';

/** Route backendRefs resolve to a Service (and port) or an Envoy Gateway Backend; cross-namespace only with a ReferenceGrant. */
export const backendService: Rule = {
  id: 'ref/backend-service',
  severity: 'error',
  docs: {
    description:
      'A route backendRef must resolve to a Service exposing the referenced port (or an Envoy Gateway Backend); a cross-namespace reference needs a ReferenceGrant in the target namespace. Otherwise the traffic it would get receives HTTP 500.',
    url: 'https://gateway-api.sigs.k8s.io/reference/spec/#backendref',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const route of routesIn(ctx)) {
      const routeNs = route.namespace ?? '';
      arr(obj(route.object.spec).rules).forEach((rule, ri) => {
        arr(obj(rule).backendRefs).forEach((b, bi) => {
          const ref = obj(b);
          const path = ['spec', 'rules', ri, 'backendRefs', bi];
          const group = str(ref.group) ?? '';
          const kind = str(ref.kind) ?? 'Service';
          const name = str(ref.name) ?? '';
          const ns = str(ref.namespace) ?? routeNs;
          const isService = group === '' && kind === 'Service';
          const isBackend = group === EG_GROUP && kind === 'Backend';
          if (!isService && !isBackend) return;
          if (ns !== routeNs) {
            const q: GrantQuery = {
              from: { group: groupOf(route.object.apiVersion), kind: route.object.kind, namespace: routeNs },
              to: { group, kind, namespace: ns, name },
            };
            if (!grantAllows(ctx, q)) {
              out.push(
                finding(this, route, [...path, 'namespace'], {
                  severity: ctx.missingSeverity(),
                  message: `cross-namespace backendRef to ${kind} ${ns}/${name} has no ReferenceGrant${ctx.connected ? '' : ' in the validated set'} (RefNotPermitted: its share of traffic gets HTTP 500)`,
                  hint: grantHint(q),
                }),
              );
            }
          }
          const target = ctx.find(kind, ns, name, group);
          if (!target) {
            out.push(
              finding(this, route, [...path, 'name'], {
                severity: ctx.missingSeverity(),
                message: `backendRef ${kind} ${ns}/${name} is not in the validated set${ctx.connected ? ' nor in the cluster' : ' (it may exist in the cluster)'}; if it is missing, its share of traffic gets HTTP 500 (BackendNotFound)`,
                hint: `create ${kind} ${ns}/${name} or fix the reference`,
              }),
            );
            return;
          }
          const port = num(ref.port);
          if (!isService || port === undefined) return;
          const ports = arr(obj(target.object.spec).ports).map((p) => num(obj(p).port));
          if (str(obj(target.object.spec).type) !== 'ExternalName' && !ports.includes(port)) {
            out.push(
              finding(this, route, [...path, 'port'], {
                message: `Service ${ns}/${name} has no port ${port}`,
                hint: `use one of the Service ports: ${ports.filter((p) => p !== undefined).join(', ') || '(none)'}`,
              }),
            );
          }
        });
      });
    }
    return out;
  },
};
