import {
  arr,
  bool,
  int,
  obj,
  opaque,
  port,
  portName,
  portOrName,
  protocol,
  quantity,
  type Schema,
  str,
  strMap,
} from '../openapi.js';

const probe = (): Schema =>
  obj({
    exec: opaque(),
    httpGet: obj({
      path: str(),
      port: portOrName(),
      host: str(),
      scheme: str({ enum: ['HTTP', 'HTTPS'] }),
      httpHeaders: arr(opaque()),
    }),
    tcpSocket: obj({ port: portOrName(), host: str() }),
    grpc: obj({ port: int(), service: str() }),
    initialDelaySeconds: int({ minimum: 0 }),
    timeoutSeconds: int({ minimum: 1 }),
    periodSeconds: int({ minimum: 1 }),
    successThreshold: int({ minimum: 1 }),
    failureThreshold: int({ minimum: 1 }),
    terminationGracePeriodSeconds: int(),
  });

const resources = (): Schema =>
  obj(
    {
      limits: { type: 'object', additionalProperties: quantity() },
      requests: { type: 'object', additionalProperties: quantity() },
      claims: arr(opaque()),
    },
    {
      'x-kubernetes-validations': [
        {
          rule: '!has(self.limits) || !has(self.requests) || self.requests.all(r, !(r in self.limits) || !isQuantity(string(self.requests[r])) || !isQuantity(string(self.limits[r])) || !quantity(string(self.requests[r])).isGreaterThan(quantity(string(self.limits[r]))))',
          message: 'must be less than or equal to the corresponding limit',
          fieldPath: '.requests',
        },
      ],
    },
  );

/** Container (core/v1), every field named; nested detail left open where we do not model it. */
export const container = (): Schema =>
  obj(
    {
      name: str({ maxLength: 63, pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' }),
      image: str(),
      imagePullPolicy: str({ enum: ['Always', 'Never', 'IfNotPresent'] }),
      command: arr(str()),
      args: arr(str()),
      workingDir: str(),
      ports: arr(
        obj(
          {
            containerPort: port(),
            hostPort: int({ minimum: 0, maximum: 65535 }),
            hostIP: str(),
            name: portName(),
            protocol: protocol(),
          },
          { required: ['containerPort'] },
        ),
      ),
      env: arr(obj({ name: str({ minLength: 1 }), value: str(), valueFrom: opaque() }, { required: ['name'] })),
      envFrom: arr(opaque()),
      resources: resources(),
      resizePolicy: arr(opaque()),
      restartPolicy: str(),
      restartPolicyRules: arr(opaque()),
      volumeMounts: arr(opaque()),
      volumeDevices: arr(opaque()),
      livenessProbe: probe(),
      readinessProbe: probe(),
      startupProbe: probe(),
      lifecycle: opaque(),
      terminationMessagePath: str(),
      terminationMessagePolicy: str({ enum: ['File', 'FallbackToLogsOnError'] }),
      securityContext: opaque(),
      stdin: bool(),
      stdinOnce: bool(),
      tty: bool(),
    },
    { required: ['name', 'image'] },
  );

/** PodSpec (core/v1), every top-level field named. */
export const podSpec = (): Schema =>
  obj(
    {
      containers: arr(container(), {
        minItems: 1,
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
      }),
      initContainers: arr(container(), { 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'] }),
      ephemeralContainers: arr(opaque()),
      volumes: arr(opaque()),
      restartPolicy: str({ enum: ['Always', 'OnFailure', 'Never'] }),
      terminationGracePeriodSeconds: int({ minimum: 0 }),
      activeDeadlineSeconds: int({ minimum: 1 }),
      dnsPolicy: str({ enum: ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'] }),
      dnsConfig: opaque(),
      nodeSelector: strMap(),
      serviceAccountName: str(),
      serviceAccount: str(),
      automountServiceAccountToken: bool(),
      nodeName: str(),
      hostNetwork: bool(),
      hostPID: bool(),
      hostIPC: bool(),
      hostUsers: bool(),
      shareProcessNamespace: bool(),
      securityContext: opaque(),
      imagePullSecrets: arr(opaque()),
      hostname: str(),
      hostnameOverride: str(),
      subdomain: str(),
      affinity: opaque(),
      schedulerName: str(),
      tolerations: arr(opaque()),
      hostAliases: arr(opaque()),
      priorityClassName: str(),
      priority: int(),
      readinessGates: arr(opaque()),
      runtimeClassName: str(),
      enableServiceLinks: bool(),
      preemptionPolicy: str(),
      overhead: opaque(),
      topologySpreadConstraints: arr(opaque()),
      setHostnameAsFQDN: bool(),
      os: opaque(),
      schedulingGates: arr(opaque()),
      resourceClaims: arr(opaque()),
      resources: opaque(),
    },
    { required: ['containers'] },
  );
