/** Builds a ScaledObject YAML document for KEDA rule tables. `spec` lines are indented by the caller's template. */
export function so(spec: string, name = 'api', ns = 'task-api', extraMeta = ''): string {
  return `---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: ${name}, namespace: ${ns}${extraMeta}}
spec:
${spec
  .trim()
  .split('\n')
  .map((l) => `  ${l}`)
  .join('\n')}
`;
}

export const PROM = `{type: prometheus, metadata: {serverAddress: "http://prom:9090", query: "sum(rate(x{namespace=\\"task-api\\",service=\\"api\\"}[2m]))", threshold: "50"}}`;
export const CPU = `{type: cpu, metricType: Utilization, metadata: {value: "70"}}`;
