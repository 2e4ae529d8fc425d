import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { obj, str } from '../util/data.js';
import { GW_GROUP } from '../util/gateway.js';

/** Gateway gatewayClassName names an existing GatewayClass. */
export const gatewayClass: Rule = {
  id: 'ref/gateway-class',
  severity: 'warning',
  docs: {
    description:
      'A Gateway must name an existing GatewayClass; without one no controller programs it. GatewayClasses are cluster-scoped and usually installed with the controller, so offline this is only a warning.',
    url: 'https://gateway-api.sigs.k8s.io/reference/spec/#gatewayclass',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const gw of ctx.ofKind('Gateway', GW_GROUP)) {
      const name = str(obj(gw.object.spec).gatewayClassName);
      if (!name || ctx.find('GatewayClass', undefined, name, GW_GROUP)) continue;
      out.push(
        finding(this, gw, ['spec', 'gatewayClassName'], {
          severity: ctx.missingSeverity(),
          message: ctx.connected
            ? `GatewayClass ${name} does not exist in the cluster; no controller will program this Gateway`
            : `GatewayClass ${name} is not in the validated set. GatewayClasses are cluster-scoped and usually preinstalled (the Envoy Gateway quickstart creates "eg"), so it may well exist in the cluster`,
          hint: `check with \`kubectl get gatewayclass ${name}\`, or add a GatewayClass with controllerName gateway.envoyproxy.io/gatewayclass-controller`,
        }),
      );
    }
    return out;
  },
};
