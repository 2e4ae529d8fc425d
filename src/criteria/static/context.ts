/**
 * Everything the static checks share, built once per run: the manifests, the route table (with
 * stand-ins for Services and TLS Secrets the stack references but does not contain, each recorded
 * as an assumption), and the run's options.
 */
import type { Manifest } from '../../model/manifest.js';
import { buildRouteTable, type RouteTable } from '../../simulate/route/index.js';
import type { StaticOptions } from './types.js';

type Raw = Record<string, unknown>;

export interface AssumedObject {
  kind: 'Service' | 'Secret';
  key: string;
  /** Declared outside the stack (the spec's services, or a cert-manager Certificate's secretName). */
  declaredBy?: string;
}

export interface StaticContext {
  manifests: readonly Manifest[];
  table: RouteTable;
  opts: StaticOptions;
  envoyReplicas: number;
  /** Stand-ins added to the route table, by `Kind namespace/name`. */
  assumed: Map<string, AssumedObject>;
  /** `namespace/name` of the plan's Gateway, when there is a plan. */
  planGateway?: string;
}

function list(v: unknown): Raw[] {
  return Array.isArray(v) ? v.filter((x): x is Raw => !!x && typeof x === 'object') : [];
}

const nsOf = (m: Manifest) => m.metadata.namespace ?? 'default';

/** A well-formed placeholder so the route simulator resolves the ref; never used as real key material. */
const PLACEHOLDER_PEM = (label: string) =>
  Buffer.from(`-----BEGIN ${label}-----\nAA==\n-----END ${label}-----\n`).toString('base64');

export function buildContext(manifests: readonly Manifest[], opts: StaticOptions = {}): StaticContext {
  const have = new Set(manifests.map((m) => `${m.kind} ${nsOf(m)}/${m.metadata.name ?? ''}`));
  const declared = new Set(
    (opts.services ?? []).map((s) => (s.includes('/') ? s : `${opts.plan?.namespace ?? 'default'}/${s}`)),
  );
  const certSecrets = new Map<string, string>();
  for (const m of manifests) {
    const secretName = (m as { spec?: Raw }).spec?.secretName;
    if (m.kind === 'Certificate' && typeof secretName === 'string')
      certSecrets.set(`${nsOf(m)}/${secretName}`, `Certificate ${nsOf(m)}/${m.metadata.name}`);
  }
  const assumed = new Map<string, AssumedObject>();
  const extra: Manifest[] = [];
  const add = (kind: 'Service' | 'Secret', key: string, declaredBy?: string) => {
    const id = `${kind} ${key}`;
    if (have.has(id) || assumed.has(id)) return;
    const [namespace, name] = key.split('/');
    assumed.set(id, { kind, key, declaredBy });
    extra.push(
      kind === 'Service'
        ? { apiVersion: 'v1', kind, metadata: { name, namespace } }
        : {
            apiVersion: 'v1',
            kind,
            type: 'kubernetes.io/tls',
            metadata: { name, namespace },
            data: { 'tls.crt': PLACEHOLDER_PEM('CERTIFICATE'), 'tls.key': PLACEHOLDER_PEM('PRIVATE KEY') },
          },
    );
  };
  for (const m of manifests) {
    const spec = ((m as { spec?: Raw }).spec ?? {}) as Raw;
    if (m.kind === 'HTTPRoute') {
      for (const rule of list(spec.rules))
        for (const b of list(rule.backendRefs)) {
          if ((b.group ?? '') !== '' || (b.kind ?? 'Service') !== 'Service') continue;
          const key = `${String(b.namespace ?? nsOf(m))}/${String(b.name ?? '')}`;
          add('Service', key, declared.has(key) ? 'the spec (services)' : undefined);
        }
    }
    if (m.kind === 'Gateway' || m.kind === 'ListenerSet') {
      for (const l of list(spec.listeners))
        for (const r of list((l.tls as Raw | undefined)?.certificateRefs)) {
          if ((r.group ?? '') !== '' || (r.kind ?? 'Secret') !== 'Secret') continue;
          const key = `${String(r.namespace ?? nsOf(m))}/${String(r.name ?? '')}`;
          add('Secret', key, certSecrets.get(key));
        }
    }
  }
  const plan = opts.plan;
  return {
    manifests,
    table: buildRouteTable([...manifests, ...extra]),
    opts,
    envoyReplicas: Math.max(1, opts.envoyReplicas ?? plan?.gateway.envoyReplicas ?? 1),
    assumed,
    planGateway: plan ? `${plan.namespace}/${plan.gateway.name}` : undefined,
  };
}

/** Words for the assumptions a run made, for the report. */
export function describeAssumptions(ctx: StaticContext): string[] {
  const out = [
    `${ctx.envoyReplicas} Envoy replica(s): local rate limits and circuit breakers count per replica`,
    ctx.opts.rateLimitService === false
      ? 'the rate-limit service is NOT configured: global rate limits are invalid (500)'
      : 'the rate-limit service (Redis) is configured in the EnvoyGateway config, so global rate limits translate',
  ];
  for (const a of ctx.assumed.values()) {
    out.push(
      a.declaredBy
        ? `${a.kind} ${a.key} is not in the stack; it is assumed to exist (declared by ${a.declaredBy})`
        : `${a.kind} ${a.key} is not in the stack nor declared anywhere: whether it exists can only be seen live`,
    );
  }
  return out;
}
