import { describe, expect, it } from 'vitest';
import { parseManifestStream } from '../../../src/model/load-yaml.js';
import { builtinCovers, crdValidationSkipped, validateBuiltin } from '../../../src/validate/builtin/index.js';

function run(text: string) {
  const { docs, diagnostics } = parseManifestStream(text, 'core.yaml');
  expect(diagnostics).toEqual([]);
  return validateBuiltin(docs[0]);
}
const codes = (ds: { code: string; path?: string; severity?: string }[] | undefined) =>
  (ds ?? [])
    .filter((d) => d.severity !== 'info')
    .map((d) => `${d.code} ${d.path ?? ''}`.trim())
    .sort();

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: apps, labels: {app: api}}
spec:
  replicas: 2
  selector: {matchLabels: {app: api}}
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
        - name: api
          image: ghcr.io/example/api:1.0
          ports: [{containerPort: 8080, name: http}]
          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: "1", memory: 256Mi}}
          readinessProbe: {httpGet: {path: /healthz, port: http}, periodSeconds: 5}
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata: {name: api, namespace: apps}
spec:
  selector: {app: api}
  ports:
    - {name: http, port: 80, targetPort: http}
    - {name: metrics, port: 9090, targetPort: 9090}
`;

const HPA = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api, namespace: apps}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
  behavior: {scaleDown: {stabilizationWindowSeconds: 300, policies: [{type: Percent, value: 50, periodSeconds: 60}]}}
`;

describe('validateBuiltin', () => {
  it('returns undefined for kinds it does not cover', () => {
    expect(run('apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g}\n')).toBeUndefined();
    expect(builtinCovers('v1', 'Service')).toBe(true);
    expect(builtinCovers('v1', 'Pod')).toBe(false);
  });

  it.each([
    ['Deployment', DEPLOYMENT],
    ['Service', SERVICE],
    ['HPA', HPA],
    ['Namespace', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: apps, labels: {team: web}}\n'],
    [
      'ConfigMap',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {APP_MODE: prod, config.yaml: "a: 1"}\n',
    ],
    [
      'Secret',
      'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: Opaque\ndata: {token: aGVsbG8=}\nstringData: {plain: x}\n',
    ],
  ])('accepts a valid %s', (_k, text) => {
    expect(run(text)).toEqual([]);
  });

  it('Deployment: unknown fields with did-you-mean, missing image, selector mismatch', () => {
    const ds = run(DEPLOYMENT.replace('replicas: 2', 'replica: 2'));
    expect(codes(ds)).toEqual(['schema/unknown-field spec.replica']);
    expect(ds?.[0].hint).toContain('did you mean "replicas"?');
    expect(ds?.[0]).toMatchObject({ file: 'core.yaml', line: 5 });
    expect(codes(run(DEPLOYMENT.replace('          image: ghcr.io/example/api:1.0\n', '')))).toEqual([
      'schema/required spec.template.spec.containers[0].image',
    ]);
    const mismatch = run(DEPLOYMENT.replace('metadata: {labels: {app: api}}', 'metadata: {labels: {app: web}}'));
    expect(mismatch).toHaveLength(1);
    expect(mismatch?.[0]).toMatchObject({
      code: 'cel/rule-failed',
      path: 'spec.template.metadata.labels',
      message: 'spec.template.metadata.labels: Invalid value: "object": `selector` does not match template `labels`',
    });
  });

  it('Deployment: requests above limits and bad quantities', () => {
    const ds = run(DEPLOYMENT.replace('cpu: 100m', 'cpu: "2"'));
    expect(codes(ds)).toEqual(['cel/rule-failed spec.template.spec.containers[0].resources.requests']);
    expect(codes(run(DEPLOYMENT.replace('memory: 128Mi', 'memory: 128MB')))).toEqual([
      'schema/pattern spec.template.spec.containers[0].resources.requests.memory',
    ]);
  });

  it('Service: port range, duplicate ports, names required with several ports, DNS-1035 name', () => {
    expect(codes(run(SERVICE.replace('port: 80,', 'port: 0,')))).toEqual(['schema/min-max spec.ports[0].port']);
    expect(codes(run(SERVICE.replace('port: 9090,', 'port: 80,')))).toEqual(['schema/list-duplicate spec.ports[1]']);
    const unnamed = run(SERVICE.replace('{name: metrics, ', '{'));
    expect(unnamed?.[0]).toMatchObject({
      code: 'cel/rule-failed',
      path: 'spec.ports',
      message: 'spec.ports: Required value: port names are required when a Service has more than one port',
    });
    expect(codes(run(SERVICE.replace('name: api, namespace', 'name: 1api, namespace')))).toEqual([
      'schema/metadata metadata.name',
    ]);
    expect(codes(run(SERVICE.replace('targetPort: http}', 'targetPort: HTTP_PORT}')))).toEqual([
      'schema/pattern spec.ports[0].targetPort',
    ]);
    expect(codes(run(SERVICE.replace('targetPort: 9090}', 'targetPort: 70000}')))).toEqual([
      'schema/min-max spec.ports[1].targetPort',
    ]);
    expect(codes(run(SERVICE.replace('targetPort: http}', 'targetPort: http, protocol: QUIC}')))).toEqual([
      'schema/enum spec.ports[0].protocol',
    ]);
  });

  it('HPA: max below min, missing metric source, behavior bounds', () => {
    const ds = run(HPA.replace('maxReplicas: 10', 'maxReplicas: 1'));
    expect(ds?.[0]).toMatchObject({
      code: 'cel/rule-failed',
      path: 'spec.maxReplicas',
      message: 'spec.maxReplicas: Invalid value: "object": must be greater than or equal to `minReplicas`',
    });
    expect(
      codes(run(HPA.replace('      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}\n', ''))),
    ).toEqual(['cel/rule-failed spec.metrics[0].resource']);
    expect(codes(run(HPA.replace('stabilizationWindowSeconds: 300', 'stabilizationWindowSeconds: 4000')))).toEqual([
      'schema/min-max spec.behavior.scaleDown.stabilizationWindowSeconds',
    ]);
    const v1 = run(HPA.replace('autoscaling/v2', 'autoscaling/v1'));
    expect(v1?.[0]).toMatchObject({ code: 'schema/unknown-version', severity: 'warning' });
  });

  it('Namespace: RFC 1123 label; ConfigMap/Secret: key syntax and base64 data', () => {
    expect(codes(run('apiVersion: v1\nkind: Namespace\nmetadata: {name: my.ns}\n'))).toEqual([
      'schema/metadata metadata.name',
    ]);
    expect(codes(run('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {"bad key": x}\n'))).toEqual([
      'schema/metadata data["bad key"]',
    ]);
    expect(codes(run('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {n: 5}\n'))).toEqual([
      'schema/type data.n',
    ]);
    expect(codes(run('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {token: "not base64!"}\n'))).toEqual([
      'schema/format data.token',
    ]);
  });

  it('says that CRD validation was skipped and how to enable it', () => {
    const { docs } = parseManifestStream(
      'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: s}\n',
      'so.yaml',
    );
    const d = crdValidationSkipped(docs[0]);
    expect(d).toMatchObject({ code: 'schema/crd-not-loaded', severity: 'info', file: 'so.yaml', line: 2 });
    expect(d.hint).toContain('traffic-engineer crds pull');
    expect(d.hint).toContain('--crds DIR');
  });
});
