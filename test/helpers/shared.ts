import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The read-only shared data beside the repo (official CRDs, conformance data). Integration tests only. */
export const SHARED = process.env.TE_SHARED ?? resolve(process.cwd(), '..', 'shared');

export function sharedPath(...parts: string[]): string {
  const p = resolve(SHARED, ...parts);
  if (!existsSync(p)) throw new Error(`${p} not found: set TE_SHARED to the shared/ directory`);
  return p;
}

/** Every CRD traffic-engineer emits or reads, standard Gateway API channel (as most clusters install it). */
export function officialCrdPaths(channel: 'standard' | 'experimental' = 'standard'): string[] {
  return [
    sharedPath('crds', 'gateway-api', channel),
    ...[
      'backendtrafficpolicies',
      'clienttrafficpolicies',
      'securitypolicies',
      'envoyproxies',
      'backends',
      'httproutefilters',
      'envoyextensionpolicies',
      'envoypatchpolicies',
    ].map((k) => sharedPath('crds', 'envoy-gateway', `gateway.envoyproxy.io_${k}.yaml`)),
    sharedPath('crds', 'keda'),
    sharedPath('crds', 'keda-http-add-on'),
    sharedPath('crds', 'cert-manager'),
  ];
}
