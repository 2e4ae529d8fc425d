/** Builds a BackendTrafficPolicy on HTTPRoute task-api-route with the given rateLimit/other spec lines. */
export function btp(
  body: string,
  name = 'rl',
  target = '[{group: gateway.networking.k8s.io, kind: HTTPRoute, name: task-api-route}]',
): string {
  return `---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata: {name: ${name}, namespace: task-api}
spec:
  targetRefs: ${target}
${body
  .trim()
  .split('\n')
  .map((l) => `  ${l}`)
  .join('\n')}
`;
}

/** A local (or global) rate limit with the given rules, one YAML flow mapping per rule. */
export function limits(mode: 'local' | 'global', ...rules: string[]): string {
  return `rateLimit:\n  ${mode}:\n    rules:\n${rules.map((r) => `      - ${r}`).join('\n')}`;
}

export const hdr = (h: string, limit = '{requests: 10, unit: Minute}') =>
  `{clientSelectors: [{headers: [${h}]}], limit: ${limit}}`;
