import type { Diagnostic } from '../../../model/diagnostic.js';
import { cached, type Entry, finding, type Rule, type RuleContext } from '../rule.js';
import { arr, isObj, obj, str } from '../util/data.js';
import { EG_GROUP } from '../util/gateway.js';
import { btpsIn, headersOf, looksLikeIdentity, rateLimitRulesOf } from '../util/ratelimit.js';
import { indexByTarget, meeting, scopeOf } from '../util/scope.js';

const lower = (v: unknown) => (str(v) ?? '').toLowerCase();

/** SecurityPolicies in scope that derive `header` (JWT claimToHeaders, API key forwardClientIDHeader) or verify it (API key extractFrom, JWT/OIDC/basic for authorization). */
function derivers(ctx: RuleContext, scope: Set<string>, header: string): Entry[] {
  const index = cached(ctx, 'spoof:securityPolicies', () =>
    indexByTarget(ctx, ctx.allOfKind('SecurityPolicy', EG_GROUP)),
  );
  return meeting(index, scope).filter((sp) => {
    const spec = obj(sp.object.spec);
    const jwt = obj(spec.jwt);
    const claims = arr(jwt.providers).flatMap((p) => arr(obj(p).claimToHeaders).map((c) => lower(obj(c).header)));
    if (claims.includes(header)) return true;
    const apiKey = obj(spec.apiKeyAuth);
    if (lower(apiKey.forwardClientIDHeader) === header) return true;
    if (arr(apiKey.extractFrom).some((x) => arr(obj(x).headers).map(lower).includes(header))) return true;
    if (header === 'authorization' && (isObj(spec.jwt) || isObj(spec.oidc) || isObj(spec.basicAuth))) return true;
    return false;
  });
}

/** ClientTrafficPolicies in scope that strip a client-sent `header` before any filter runs. */
function strippers(ctx: RuleContext, scope: Set<string>, header: string): Entry[] {
  const index = cached(ctx, 'spoof:clientTrafficPolicies', () =>
    indexByTarget(ctx, ctx.allOfKind('ClientTrafficPolicy', EG_GROUP)),
  );
  return meeting(index, scope).filter((ctp) => {
    const removed = arr(obj(obj(obj(ctp.object.spec).headers).earlyRequestHeaders).remove).map(lower);
    return removed.includes(header);
  });
}

/** A rate limit keyed on a client-supplied identity header that nothing verifies or strips. */
export const spoofableIdentityHeader: Rule = {
  id: 'lint/spoofable-identity-header',
  severity: 'warning',
  docs: {
    description:
      'A rate limit keyed on an identity header is only as good as the header: derive it from a verified credential (SecurityPolicy jwt.claimToHeaders) and strip the client-sent copy (ClientTrafficPolicy headers.earlyRequestHeaders.remove), or any client can pick its own bucket.',
    url: 'https://gateway.envoyproxy.io/docs/tasks/traffic/global-rate-limit/#rate-limit-jwt-claims',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const policy of btpsIn(ctx)) {
      const seen = new Set<string>();
      for (const rule of rateLimitRulesOf(policy)) {
        for (const h of headersOf(rule)) {
          if (!looksLikeIdentity(h.name) || seen.has(h.name)) continue;
          seen.add(h.name);
          const scope = scopeOf(ctx, policy);
          const from = derivers(ctx, scope, h.name);
          const stripped = strippers(ctx, scope, h.name);
          if (from.length === 0 && stripped.length > 0) {
            out.push(
              finding(this, policy, [...h.path, 'name'], {
                message: `ClientTrafficPolicy ${stripped[0].namespace}/${stripped[0].name} removes ${h.name} from every request and no SecurityPolicy sets it again, so this rule never sees the header`,
                hint: `derive ${h.name} from a verified credential (SecurityPolicy jwt.providers[].claimToHeaders), or key the limit on something else`,
              }),
            );
            continue;
          }
          if (from.length === 0) {
            out.push(
              finding(this, policy, [...h.path, 'name'], {
                message: `the rate limit is keyed on ${h.name}, which the client sends itself (no SecurityPolicy derives it from a verified credential): any client can choose its own bucket, or impersonate another caller's`,
                hint: `derive ${h.name} with a SecurityPolicy (jwt.providers[].claimToHeaders: [{claim: sub, header: ${h.name}}]) and strip the inbound copy with a ClientTrafficPolicy headers.earlyRequestHeaders.remove: [${h.name}]`,
              }),
            );
            continue;
          }
          if (stripped.length > 0) continue;
          const viaClaim = from.filter((sp) =>
            arr(obj(obj(sp.object.spec).jwt).providers).some((p) =>
              arr(obj(p).claimToHeaders).some((c) => lower(obj(c).header) === h.name),
            ),
          );
          if (viaClaim.length === 0) continue;
          out.push(
            finding(this, policy, [...h.path, 'name'], {
              message: `SecurityPolicy ${viaClaim[0].namespace}/${viaClaim[0].name} copies a JWT claim into ${h.name}, but nothing strips a client-sent ${h.name}: Envoy appends the claim and rate limiting reads the FIRST value, so the client's own value wins`,
              hint: `add a ClientTrafficPolicy on the Gateway with headers.earlyRequestHeaders.remove: [${h.name}]`,
            }),
          );
        }
      }
    }
    return out;
  },
};
