import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { arr, obj, str } from '../util/data.js';
import { attachmentsTo, GW_GROUP, listenersOf } from '../util/gateway.js';

/** A Gateway with an HTTPS listener whose HTTP listener does not redirect to HTTPS. */
export const httpWithoutHttpsRedirect: Rule = {
  id: 'lint/http-without-https-redirect',
  severity: 'warning',
  docs: {
    description:
      'When a Gateway serves HTTPS, its plain HTTP listener should only redirect (RequestRedirect scheme https); otherwise the same API is also reachable unencrypted, or HTTP clients get 404.',
    url: 'https://gateway.envoyproxy.io/docs/tasks/traffic/http-redirect/',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const gw of ctx.ofKind('Gateway', GW_GROUP)) {
      const ls = listenersOf(gw);
      if (!ls.some((l) => l.protocol === 'HTTPS')) continue;
      const atts = attachmentsTo(ctx, gw);
      for (const l of ls.filter((x) => x.protocol === 'HTTP')) {
        const routes = atts.filter((a) => a.att.attached.some((x) => x.index === l.index)).map((a) => a.route);
        const redirects = routes.some((r) =>
          arr(obj(r.object.spec).rules).some((rule) =>
            arr(obj(rule).filters).some(
              (f) => str(obj(f).type) === 'RequestRedirect' && str(obj(obj(f).requestRedirect).scheme) === 'https',
            ),
          ),
        );
        if (redirects) continue;
        const plain = routes.map((r) => r.name);
        out.push(
          finding(this, gw, ['spec', 'listeners', l.index], {
            message:
              plain.length > 0
                ? `HTTP listener "${l.name}" serves ${plain.join(', ')} in clear text while the Gateway also has HTTPS, and no route on it redirects to https`
                : `HTTP listener "${l.name}" has no route redirecting to HTTPS (no route in the set attaches to it), so plain-HTTP clients get 404`,
            hint: `attach an HTTPRoute to sectionName ${l.name} with filters: [{type: RequestRedirect, requestRedirect: {scheme: https, statusCode: 301}}], and attach the app routes to the HTTPS listener only`,
          }),
        );
      }
    }
    return out;
  },
};
