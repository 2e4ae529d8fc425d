import { dns1035LabelErrors } from '../../schema/k8s-names.js';
import type { BuiltinKind } from '../kind.js';
import { arr, bool, int, obj, opaque, port, portOrName, protocol, resource, str, strMap } from '../openapi.js';

export const serviceKind: BuiltinKind = {
  apiVersion: 'v1',
  kind: 'Service',
  nameErrors: dns1035LabelErrors,
  schema: resource({
    status: opaque(),
    spec: obj(
      {
        type: str({ enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'], default: 'ClusterIP' }),
        selector: strMap(),
        ports: arr(
          obj(
            {
              name: str({ maxLength: 63, pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' }),
              protocol: { ...protocol(), default: 'TCP' },
              appProtocol: str(),
              port: port(),
              targetPort: portOrName(),
              nodePort: int({ minimum: 0, maximum: 65535 }),
            },
            { required: ['port'] },
          ),
          { 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['port', 'protocol'] },
        ),
        clusterIP: str(),
        clusterIPs: arr(str()),
        externalIPs: arr(str()),
        externalName: str(),
        externalTrafficPolicy: str({ enum: ['Cluster', 'Local'] }),
        internalTrafficPolicy: str({ enum: ['Cluster', 'Local'] }),
        healthCheckNodePort: int(),
        publishNotReadyAddresses: bool(),
        sessionAffinity: str({ enum: ['ClientIP', 'None'] }),
        sessionAffinityConfig: opaque(),
        ipFamilies: arr(str({ enum: ['IPv4', 'IPv6'] })),
        ipFamilyPolicy: str({ enum: ['SingleStack', 'PreferDualStack', 'RequireDualStack'] }),
        allocateLoadBalancerNodePorts: bool(),
        loadBalancerClass: str(),
        loadBalancerIP: str(),
        loadBalancerSourceRanges: arr(str()),
        trafficDistribution: str(),
      },
      {
        'x-kubernetes-validations': [
          {
            rule: "self.type == 'ExternalName' || (has(self.clusterIP) && self.clusterIP == 'None') || (has(self.ports) && size(self.ports) > 0)",
            message: 'a Service needs at least one port',
            fieldPath: '.ports',
            reason: 'FieldValueRequired',
          },
          {
            rule: "!has(self.ports) || size(self.ports) <= 1 || self.ports.all(p, has(p.name) && p.name != '')",
            message: 'port names are required when a Service has more than one port',
            fieldPath: '.ports',
            reason: 'FieldValueRequired',
          },
          {
            rule: '!has(self.ports) || self.ports.all(p, self.ports.exists_one(q, has(p.name) && has(q.name) && p.name == q.name) || !has(p.name))',
            message: 'port names must be unique',
            fieldPath: '.ports',
            reason: 'FieldValueDuplicate',
          },
          {
            rule: "self.type != 'ExternalName' || (has(self.externalName) && self.externalName != '')",
            message: 'externalName is required for type ExternalName',
            fieldPath: '.externalName',
            reason: 'FieldValueRequired',
          },
        ],
      },
    ),
  }),
};
