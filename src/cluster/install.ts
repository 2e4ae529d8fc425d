/**
 * Pinned versions and the exact commands to install each piece traffic-engineer targets.
 * Sources: envoy-gateway.md §0 (EG v1.9.0 bundles Gateway API v1.6.1, experimental channel; helm chart
 * oci://docker.io/envoyproxy/gateway-helm), keda.md header (KEDA v2.20.2, cert-manager v1.21.1) and §7.3
 * (cert-manager's Gateway API support must be enabled in its config).
 */
export const VERSIONS = {
  envoyGateway: 'v1.9.0',
  gatewayApi: 'v1.6.1',
  keda: '2.20.2',
  certManager: 'v1.21.1',
} as const;

export type Component = 'gateway-api' | 'envoy-gateway' | 'keda' | 'cert-manager';

export const INSTALL: Record<Component, string> = {
  'gateway-api': `kubectl apply --server-side -f https://github.com/kubernetes-sigs/gateway-api/releases/download/${VERSIONS.gatewayApi}/experimental-install.yaml`,
  'envoy-gateway': [
    `helm install eg oci://docker.io/envoyproxy/gateway-helm --version ${VERSIONS.envoyGateway} -n envoy-gateway-system --create-namespace`,
    'kubectl wait --timeout=5m -n envoy-gateway-system deployment/envoy-gateway --for=condition=Available',
  ].join('\n'),
  keda: `kubectl apply --server-side -f https://github.com/kedacore/keda/releases/download/v${VERSIONS.keda}/keda-${VERSIONS.keda}.yaml`,
  'cert-manager': [
    `helm install cert-manager oci://quay.io/jetstack/charts/cert-manager --version ${VERSIONS.certManager} -n cert-manager --create-namespace \\`,
    '  --set crds.enabled=true --set config.apiVersion=controller.config.cert-manager.io/v1alpha1 \\',
    '  --set config.kind=ControllerConfiguration --set config.gatewayAPI.enabled=true',
  ].join('\n'),
};

/** The GatewayClass Envoy Gateway's quickstart creates, as a kubectl command. */
export function gatewayClassFix(name: string): string {
  return [
    'kubectl apply -f - <<EOF',
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: GatewayClass',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  controllerName: ${EG_CONTROLLER}`,
    'EOF',
  ].join('\n');
}

export const EG_CONTROLLER = 'gateway.envoyproxy.io/gatewayclass-controller';
export const EG_NAMESPACE = 'envoy-gateway-system';

/** API group → the component that installs it (for `unknown kind` hints). */
export function componentOfGroup(group: string): Component | undefined {
  if (group === 'gateway.networking.k8s.io' || group === 'gateway.networking.x-k8s.io') return 'gateway-api';
  if (group === 'gateway.envoyproxy.io') return 'envoy-gateway';
  if (group === 'keda.sh') return 'keda';
  if (group === 'cert-manager.io') return 'cert-manager';
  return undefined;
}
