import { dns1123SubdomainErrors } from '../../schema/k8s-names.js';
import type { BuiltinKind } from '../kind.js';
import { arr, int, obj, opaque, quantity, resource, str } from '../openapi.js';

const target = () =>
  obj(
    {
      type: str({ enum: ['Utilization', 'Value', 'AverageValue'] }),
      averageUtilization: int({ minimum: 1 }),
      averageValue: quantity(),
      value: quantity(),
    },
    { required: ['type'] },
  );

const scalingRules = () =>
  obj({
    stabilizationWindowSeconds: int({ minimum: 0, maximum: 3600 }),
    selectPolicy: str({ enum: ['Max', 'Min', 'Disabled'] }),
    tolerance: quantity(),
    policies: arr(
      obj(
        {
          type: str({ enum: ['Pods', 'Percent'] }),
          value: int({ minimum: 1 }),
          periodSeconds: int({ minimum: 1, maximum: 1800 }),
        },
        { required: ['type', 'value', 'periodSeconds'] },
      ),
    ),
  });

const METRIC_FIELD: Record<string, string> = {
  Resource: 'resource',
  Pods: 'pods',
  Object: 'object',
  External: 'external',
  ContainerResource: 'containerResource',
};

export const hpaKind: BuiltinKind = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  nameErrors: dns1123SubdomainErrors,
  schema: resource({
    status: opaque(),
    spec: obj(
      {
        scaleTargetRef: obj(
          { apiVersion: str(), kind: str({ minLength: 1 }), name: str({ minLength: 1 }) },
          { required: ['kind', 'name'] },
        ),
        minReplicas: int({ minimum: 1 }),
        maxReplicas: int({ minimum: 1 }),
        metrics: arr(
          obj(
            {
              type: str({ enum: Object.keys(METRIC_FIELD) }),
              resource: obj({ name: str(), target: target() }, { required: ['name', 'target'] }),
              containerResource: opaque(),
              pods: opaque(),
              object: opaque(),
              external: opaque(),
            },
            {
              required: ['type'],
              'x-kubernetes-validations': Object.entries(METRIC_FIELD).map(([type, field]) => ({
                rule: `self.type != '${type}' || has(self.${field})`,
                message: `must populate information for the given metric source (${field} for type ${type})`,
                fieldPath: `.${field}`,
                reason: 'FieldValueRequired',
              })),
            },
          ),
        ),
        behavior: obj({ scaleUp: scalingRules(), scaleDown: scalingRules() }),
      },
      {
        required: ['scaleTargetRef', 'maxReplicas'],
        'x-kubernetes-validations': [
          {
            rule: '!has(self.minReplicas) || self.maxReplicas >= self.minReplicas',
            message: 'must be greater than or equal to `minReplicas`',
            fieldPath: '.maxReplicas',
          },
        ],
      },
    ),
  }),
};
