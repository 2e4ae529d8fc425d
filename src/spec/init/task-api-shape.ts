import type { TrafficSpecInput } from '../schema/index.js';
import { Notes } from './draft.js';

/** The Task API shape with placeholder names: the starter `init` writes without `--from`. */
export function taskApiShape(): { spec: TrafficSpecInput; notes: Notes } {
  const notes = new Notes();
  const spec: TrafficSpecInput = {
    app: 'my-app',
    namespace: 'my-app',
    services: [
      { name: 'my-app', port: 8000 },
      { name: 'my-app-v1', port: 8000 },
    ],
    gateway: {
      className: 'eg',
      listeners: [
        { name: 'http', protocol: 'HTTP', port: 80 },
        { name: 'https', protocol: 'HTTPS', port: 443 },
      ],
      externalUrls: ['http://localhost:8080', 'https://localhost:8443'],
    },
    tls: { mode: 'self-signed', hosts: ['localhost'], validityDays: 365 },
    routes: [
      {
        rules: [
          { path: '/api/tasks', backend: 'my-app' },
          { path: '/api/v1', backend: 'my-app-v1' },
        ],
      },
    ],
    rateLimit: {
      scope: 'local',
      tiers: [
        { name: 'per-user', key: { header: 'x-user-id' }, limit: { requests: 100, unit: 'Minute' } },
        { name: 'anonymous', match: { headerAbsent: 'x-user-id' }, limit: { requests: 10, unit: 'Minute' } },
      ],
    },
    circuitBreaker: { maxConnections: 50, maxParallelRequests: 25, maxPendingRequests: 5 },
    autoscaling: {
      engine: 'keda',
      minReplicas: 1,
      maxReplicas: 10,
      triggers: [
        { type: 'prometheus', serverAddress: 'http://prometheus.monitoring.svc.cluster.local:9090', threshold: 50 },
      ],
    },
    criteria: [
      {
        id: 'SC-001',
        title: 'External access',
        checks: [{ kind: 'http', url: 'http://localhost:8080/api/tasks', expect: { status: 200 } }],
      },
    ],
  };
  notes.todo(['app'], 'your app name (prefix of every generated name)', 'inline');
  notes.todo(['namespace'], "your app's namespace", 'inline');
  notes.todo(['services'], 'your Services and their ports; the first is the default backend');
  notes.note(['gateway', 'className'], 'Envoy Gateway', 'inline');
  notes.todo(['gateway', 'externalUrls'], 'where clients reach the listeners (port-forward or load balancer)');
  notes.note(['tls'], 'self-signed for local clusters; mode secret or cert-manager otherwise');
  notes.todo(['routes'], 'your paths and the Service each goes to');
  notes.todo(['rateLimit', 'tiers'], 'your identity header and limits');
  notes.note(['rateLimit', 'scope'], 'per Envoy replica; global needs the rate-limit service with Redis', 'inline');
  notes.todo(['circuitBreaker'], 'thresholds per Envoy replica (Envoy default 1024)');
  notes.todo(['autoscaling', 'triggers', 0, 'threshold'], 'requests per second one replica should serve', 'inline');
  notes.todo(
    ['criteria'],
    'success criteria: what proves the stack works (http, burst, json, resource, dry-run checks)',
  );
  return { spec, notes };
}
