/** Status shapes as Envoy Gateway / KEDA write them (gateway-api.md §8, envoy-gateway.md §2, keda.md §2.4). */
export const cond = (type: string, status: string, reason: string, message = '', observedGeneration = 1) => ({
  type,
  status,
  reason,
  message,
  observedGeneration,
  lastTransitionTime: '2026-11-27T10:00:00Z',
});

export const CONTROLLER = 'gateway.envoyproxy.io/gatewayclass-controller';

export function gatewayStatus(programmed: boolean, reason = programmed ? 'Programmed' : 'Pending', attachedRoutes = 1) {
  return {
    addresses: programmed ? [{ type: 'IPAddress', value: '172.18.0.200' }] : [],
    conditions: [
      cond('Accepted', 'True', 'Accepted'),
      cond(
        'Programmed',
        programmed ? 'True' : 'False',
        reason,
        programmed ? 'Address assigned to the Gateway' : 'Waiting for controller',
      ),
    ],
    listeners: [
      {
        name: 'http',
        attachedRoutes,
        supportedKinds: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' }],
        conditions: [
          cond('Programmed', 'True', 'Programmed'),
          cond('Accepted', 'True', 'Accepted'),
          cond('ResolvedRefs', 'True', 'ResolvedRefs'),
        ],
      },
    ],
  };
}

export function routeStatus(accepted = true, resolved = true, reason = 'BackendNotFound') {
  return {
    parents: [
      {
        parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'eg', sectionName: 'http' },
        controllerName: CONTROLLER,
        conditions: [
          cond(
            'Accepted',
            accepted ? 'True' : 'False',
            accepted ? 'Accepted' : 'NotAllowedByListeners',
            accepted ? 'Route is accepted' : 'No listeners included by this parent ref allowed this attachment.',
          ),
          cond(
            'ResolvedRefs',
            resolved ? 'True' : 'False',
            resolved ? 'ResolvedRefs' : reason,
            resolved ? 'Resolved all the Object references for the Route' : 'Service task-api/task-api not found',
          ),
        ],
      },
    ],
  };
}

export function policyStatus(
  accepted: boolean,
  reason = accepted ? 'Accepted' : 'Conflicted',
  message = accepted
    ? 'Policy has been accepted.'
    : 'Unable to target HTTPRoute tasks, another BackendTrafficPolicy has already attached to it',
) {
  return {
    ancestors: [
      {
        ancestorRef: {
          group: 'gateway.networking.k8s.io',
          kind: 'Gateway',
          name: 'eg',
          namespace: 'task-api',
          sectionName: 'http',
        },
        controllerName: CONTROLLER,
        conditions: [cond('Accepted', accepted ? 'True' : 'False', reason, message)],
      },
    ],
  };
}

export function scaledObjectStatus(ready: boolean, active = false) {
  return {
    scaleTargetKind: 'apps/v1.Deployment',
    scaleTargetGVKR: { group: 'apps', kind: 'Deployment', resource: 'deployments', version: 'v1' },
    originalReplicaCount: 1,
    hpaName: 'keda-hpa-task-api',
    conditions: [
      {
        type: 'Ready',
        status: ready ? 'True' : 'Unknown',
        reason: ready ? 'ScaledObjectReady' : '',
        message: ready ? 'ScaledObject is defined correctly and is ready for scaling' : '',
      },
      {
        type: 'Active',
        status: active ? 'True' : 'False',
        reason: active ? 'ScalerActive' : 'ScalerNotActive',
        message: active
          ? 'Scaling is performed because triggers are active'
          : 'Scaling is not performed because triggers are not active',
      },
      {
        type: 'Fallback',
        status: 'False',
        reason: 'NoFallbackFound',
        message: 'No fallbacks are active on this scaled object',
      },
      {
        type: 'Paused',
        status: 'False',
        reason: 'ScaledObjectUnpaused',
        message: 'pause annotation removed for ScaledObject',
      },
    ],
  };
}

/** Scripts the whole stack of test/fixtures/cluster/stack.yaml to become healthy after a few GETs. */
export function scriptHealthyStack(fake: import('../helpers/fake-apiserver.js').FakeApiServer, gatewayAfter = 2): void {
  fake.scriptStatus('gateway.networking.k8s.io/v1', 'Gateway', 'task-api', 'eg', (n) =>
    gatewayStatus(n >= gatewayAfter),
  );
  fake.scriptStatus('gateway.networking.k8s.io/v1', 'HTTPRoute', 'task-api', 'tasks', () => routeStatus());
  fake.scriptStatus('gateway.envoyproxy.io/v1alpha1', 'BackendTrafficPolicy', 'task-api', 'tasks-ratelimit', () =>
    policyStatus(true),
  );
  fake.scriptStatus('keda.sh/v1alpha1', 'ScaledObject', 'task-api', 'task-api', (n) => scaledObjectStatus(n >= 3));
}
