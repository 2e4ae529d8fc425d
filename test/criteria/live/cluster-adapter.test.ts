import { describe, expect, it } from 'vitest';
import type { ClusterClient } from '../../../src/cluster/client.js';
import { liveClusterFrom, resolveKind } from '../../../src/criteria/live/cluster-adapter.js';
import { age, evalJsonPath } from '../../../src/criteria/live/printer-columns.js';
import type { Manifest } from '../../../src/model/manifest.js';

// KEDA's ScaledObject printer columns (as in keda.sh_scaledobjects.yaml, v1alpha1), hand-copied and trimmed.
const CRD = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'scaledobjects.keda.sh' },
  spec: {
    versions: [
      {
        name: 'v1alpha1',
        additionalPrinterColumns: [
          { jsonPath: '.status.scaleTargetKind', name: 'ScaleTargetKind', type: 'string' },
          { jsonPath: '.spec.scaleTargetRef.name', name: 'ScaleTargetName', type: 'string' },
          { jsonPath: '.spec.minReplicaCount', name: 'Min', type: 'integer' },
          { jsonPath: '.spec.maxReplicaCount', name: 'Max', type: 'integer' },
          { jsonPath: '.status.conditions[?(@.type=="Ready")].status', name: 'Ready', type: 'string' },
          { jsonPath: '.status.conditions[?(@.type=="Active")].status', name: 'Active', type: 'string' },
          { jsonPath: '.metadata.creationTimestamp', name: 'Age', type: 'date' },
        ],
      },
    ],
  },
};
const SO = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  metadata: { name: 'task-api-scaler', namespace: 'task-api', creationTimestamp: '2026-01-01T00:00:00Z' },
  spec: { scaleTargetRef: { name: 'task-api' }, minReplicaCount: 1, maxReplicaCount: 10 },
  status: {
    scaleTargetKind: 'apps/v1.Deployment',
    conditions: [
      { type: 'Ready', status: 'True' },
      { type: 'Active', status: 'False' },
    ],
  },
};
const SECRET = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'tls', namespace: 'task-api' },
  data: { 'tls.key': 'c2VjcmV0' },
};

function fakeClient(objects: Record<string, unknown>[]): ClusterClient & { gets: string[] } {
  const gets: string[] = [];
  const plural: Record<string, string> = {
    ScaledObject: 'scaledobjects',
    Secret: 'secrets',
    CustomResourceDefinition: 'customresourcedefinitions',
  };
  return {
    gets,
    context: 'fake',
    server: 'https://127.0.0.1:1',
    defaultNamespace: 'default',
    async resourceFor(_apiVersion: string, kind: string) {
      return plural[kind] ? { name: plural[kind], namespaced: kind !== 'CustomResourceDefinition', kind } : undefined;
    },
    async get(ref: Pick<Manifest, 'apiVersion' | 'kind' | 'metadata'>) {
      gets.push(`${ref.apiVersion} ${ref.kind} ${ref.metadata.namespace ?? ''}/${ref.metadata.name}`);
      return objects.find(
        (o) =>
          o.kind === ref.kind &&
          (o.metadata as { name: string }).name === ref.metadata.name &&
          o.apiVersion === ref.apiVersion,
      ) as Manifest | undefined;
    },
  } as unknown as ClusterClient & { gets: string[] };
}

describe('evalJsonPath', () => {
  it.each([
    ['.spec.minReplicaCount', [1]],
    ['{.spec.scaleTargetRef.name}', ['task-api']],
    ['.status.conditions[?(@.type=="Ready")].status', ['True']],
    ['.status.conditions[*].type', ['Ready', 'Active']],
    ['.status.conditions[1].status', ['False']],
    ['.status.nothing', []],
  ])('%s', (path, want) => {
    expect(evalJsonPath(SO, path)).toEqual(want);
  });
});

describe('age', () => {
  it.each([
    ['2026-01-01T00:00:00Z', '2026-01-01T00:00:45Z', '45s'],
    ['2026-01-01T00:00:00Z', '2026-01-01T00:12:00Z', '12m'],
    ['2026-01-01T00:00:00Z', '2026-01-01T05:00:00Z', '5h'],
    ['2026-01-01T00:00:00Z', '2026-01-04T00:00:00Z', '3d'],
  ])('%s at %s → %s', (from, now, want) => expect(age(from, new Date(now))).toBe(want));
});

describe('liveClusterFrom', () => {
  const now = () => new Date('2026-01-01T00:05:00Z');
  it('computes kubectl get columns from the CRD printer columns', async () => {
    const c = liveClusterFrom(fakeClient([SO, CRD]), { now });
    expect(await c.printerColumns('scaledobject', 'task-api-scaler', 'task-api')).toEqual({
      NAME: 'task-api-scaler',
      SCALETARGETKIND: 'apps/v1.Deployment',
      SCALETARGETNAME: 'task-api',
      MIN: '1',
      MAX: '10',
      READY: 'True',
      ACTIVE: 'False',
      AGE: '5m',
    });
    expect(await c.printerColumns('scaledobject', 'missing', 'task-api')).toBeUndefined();
  });

  it('never returns Secret data', async () => {
    const c = liveClusterFrom(fakeClient([SECRET]));
    expect((await c.getObject('secret', 'tls', 'task-api'))?.data).toEqual({ 'tls.key': '<redacted>' });
  });

  it('resolves spec kinds to API groups, and refuses unknown kinds', async () => {
    expect(resolveKind('backendtrafficpolicy')).toEqual({
      apiVersion: 'gateway.envoyproxy.io/v1alpha1',
      kind: 'BackendTrafficPolicy',
    });
    await expect(liveClusterFrom(fakeClient([])).getObject('frobnicator', 'x')).rejects.toThrow(
      /unknown kind frobnicator/,
    );
  });
});
