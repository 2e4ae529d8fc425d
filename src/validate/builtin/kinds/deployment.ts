import { dns1123SubdomainErrors } from '../../schema/k8s-names.js';
import type { BuiltinKind } from '../kind.js';
import { arr, bool, int, intOrString, obj, opaque, resource, str, strMap } from '../openapi.js';
import { podSpec } from './pod-spec.js';

const labelSelector = () =>
  obj({
    matchLabels: strMap(),
    matchExpressions: arr(
      obj(
        { key: str(), operator: str({ enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'] }), values: arr(str()) },
        { required: ['key', 'operator'] },
      ),
    ),
  });

export const deploymentKind: BuiltinKind = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  nameErrors: dns1123SubdomainErrors,
  schema: resource({
    status: opaque(),
    spec: obj(
      {
        replicas: int({ minimum: 0 }),
        selector: labelSelector(),
        template: obj({
          metadata: obj({
            name: str(),
            namespace: str(),
            generateName: str(),
            labels: strMap(),
            annotations: strMap(),
            finalizers: arr(str()),
          }),
          spec: podSpec(),
        }),
        strategy: obj({
          type: str({ enum: ['Recreate', 'RollingUpdate'] }),
          rollingUpdate: obj({ maxSurge: intOrString(), maxUnavailable: intOrString() }),
        }),
        minReadySeconds: int({ minimum: 0 }),
        revisionHistoryLimit: int({ minimum: 0 }),
        progressDeadlineSeconds: int({ minimum: 1 }),
        paused: bool(),
      },
      {
        required: ['selector', 'template'],
        'x-kubernetes-validations': [
          {
            rule: '(has(self.selector.matchLabels) && size(self.selector.matchLabels) > 0) || (has(self.selector.matchExpressions) && size(self.selector.matchExpressions) > 0)',
            message: 'empty selector is invalid for deployment',
            fieldPath: '.selector',
          },
          {
            rule: '!has(self.selector.matchLabels) || (has(self.template.metadata) && has(self.template.metadata.labels) && self.selector.matchLabels.all(k, k in self.template.metadata.labels && self.template.metadata.labels[k] == self.selector.matchLabels[k]))',
            message: '`selector` does not match template `labels`',
            fieldPath: '.template.metadata.labels',
          },
          {
            rule: "!has(self.template.spec.restartPolicy) || self.template.spec.restartPolicy == 'Always'",
            message: 'supported values: "Always"',
            fieldPath: '.template.spec.restartPolicy',
            reason: 'FieldValueForbidden',
          },
        ],
      },
    ),
  }),
};
