import type { Diagnostic } from '../../model/diagnostic.js';
import type { TrafficSpec } from '../schema/spec.js';
import { planAutoscaling } from './autoscaling.js';
import { planRateLimit } from './ratelimit.js';
import { planRoutes } from './routes.js';
import type { PlanListener, PlanPolicy, PlanTls, TrafficPlan } from './types.js';

const IP = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]+:[0-9a-f:]*)$/i;

function planTls(spec: TrafficSpec): PlanTls | undefined {
  const t = spec.tls;
  if (!t) return undefined;
  const names = new Set(t.hosts);
  for (const l of spec.gateway.listeners ?? []) if (l.protocol === 'HTTPS' && l.hostname) names.add(l.hostname);
  if (t.mode === 'self-signed') {
    names.add('localhost');
    names.add('127.0.0.1');
  }
  const all = [...names];
  return {
    mode: t.mode,
    secretName: t.secretName ?? `${spec.app}-tls`,
    dnsNames: all.filter((n) => !IP.test(n)),
    ipAddresses: all.filter((n) => IP.test(n)),
    validityDays: t.validityDays,
    duration: `${t.validityDays * 24}h`,
    ...(t.mode === 'cert-manager'
      ? {
          certificateName: `${spec.app}-cert`,
          issuerRef: t.issuerRef ?? { name: `${spec.app}-selfsigned`, kind: 'Issuer', group: 'cert-manager.io' },
          ...(t.createSelfSignedIssuer ? { selfSignedIssuer: `${spec.app}-selfsigned` } : {}),
        }
      : {}),
  };
}

function planListeners(spec: TrafficSpec, tls: PlanTls | undefined): PlanListener[] {
  const given = spec.gateway.listeners ?? [
    { protocol: 'HTTP' as const, port: 80 },
    ...(tls ? [{ protocol: 'HTTPS' as const, port: 443 }] : []),
  ];
  const used = new Set<string>();
  return given.map((l) => {
    let name = l.name ?? l.protocol.toLowerCase();
    for (let i = 2; !l.name && used.has(name); i++) name = `${l.protocol.toLowerCase()}-${i}`;
    used.add(name);
    return {
      name,
      protocol: l.protocol,
      port: l.port,
      ...(l.hostname ? { hostname: l.hostname } : {}),
      ...(l.protocol === 'HTTPS' && tls ? { certificateRef: tls.secretName } : {}),
    };
  });
}

/** Owns every default and generated name: TrafficSpec → TrafficPlan, plus what the target cannot do. */
export function normalize(spec: TrafficSpec): { plan: TrafficPlan; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const tls = planTls(spec);
  const listeners = planListeners(spec, tls);
  const gatewayName = spec.gateway.name ?? `${spec.app}-gateway`;
  const routes = planRoutes(spec, gatewayName, listeners);
  const appRoutes = routes.filter((r) => !r.redirect);

  const externalUrls: TrafficPlan['externalUrls'] = [];
  const byScheme = {
    http: listeners.filter((l) => l.protocol === 'HTTP'),
    https: listeners.filter((l) => l.protocol === 'HTTPS'),
  };
  const seen = { http: 0, https: 0 };
  for (const url of spec.gateway.externalUrls) {
    const scheme = new URL(url).protocol.replace(':', '') as 'http' | 'https';
    const l = byScheme[scheme]?.[seen[scheme]++];
    if (l) externalUrls.push({ url: url.replace(/\/$/, ''), listener: l.name });
    else
      diagnostics.push({
        code: 'plan/external-url-without-listener',
        severity: 'warning',
        path: 'gateway.externalUrls',
        message: `external URL ${url} has no ${scheme.toUpperCase()} listener to map to`,
      });
  }

  let policy: PlanPolicy | undefined;
  if (spec.rateLimit || spec.circuitBreaker || spec.retry || spec.timeouts) {
    const toGateway = spec.rateLimit?.target === 'gateway';
    policy = {
      name: spec.policyName ?? `${spec.app}-protection`,
      targetRefs: toGateway
        ? [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: gatewayName }]
        : appRoutes.map((r) => ({ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' as const, name: r.name })),
    };
    if (spec.rateLimit) {
      const rl = planRateLimit(spec.rateLimit, spec.gateway.envoyReplicas, appRoutes.length);
      diagnostics.push(...rl.diagnostics);
      policy.rateLimit = { scope: spec.rateLimit.scope, rules: rl.rules };
    }
    if (spec.circuitBreaker && Object.keys(spec.circuitBreaker).length)
      policy.circuitBreaker = spec.circuitBreaker as Record<string, number>;
    if (spec.retry) {
      const r = spec.retry;
      policy.retry = {
        numRetries: r.numRetries,
        retryOn: r.retryOn,
        ...(r.perRetryTimeout || r.backOff
          ? {
              perRetry: {
                ...(r.perRetryTimeout ? { timeout: r.perRetryTimeout } : {}),
                ...(r.backOff ? { backOff: r.backOff } : {}),
              },
            }
          : {}),
      };
    }
    if (spec.timeouts) {
      const t = spec.timeouts;
      policy.timeout = {
        ...(t.connect ? { tcp: { connectTimeout: t.connect } } : {}),
        ...(t.request || t.idle
          ? {
              http: {
                ...(t.request ? { requestTimeout: t.request } : {}),
                ...(t.idle ? { connectionIdleTimeout: t.idle } : {}),
              },
            }
          : {}),
      };
    }
  }

  let autoscaling: TrafficPlan['autoscaling'];
  if (spec.autoscaling) {
    const a = planAutoscaling(spec.autoscaling, { app: spec.app, namespace: spec.namespace, routes: appRoutes });
    diagnostics.push(...a.diagnostics);
    autoscaling = a.autoscaling;
  }

  return {
    plan: {
      app: spec.app,
      namespace: spec.namespace,
      createNamespace: spec.createNamespace,
      gateway: {
        name: gatewayName,
        className: spec.gateway.className,
        listeners,
        envoyReplicas: spec.gateway.envoyReplicas,
      },
      externalUrls,
      ...(tls ? { tls } : {}),
      routes,
      ...(policy ? { policy } : {}),
      ...(autoscaling ? { autoscaling } : {}),
    },
    diagnostics,
  };
}
