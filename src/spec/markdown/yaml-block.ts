import type { Fence } from './scan.js';

/**
 * Choosing the fenced YAML block that holds the structured spec:
 * 1. a ```yaml (or yml) fence whose info string names it — `yaml traffic-spec` or `yaml spec` — wins;
 * 2. otherwise the first ```yaml fence whose top-level keys look like a TrafficSpec (at least two
 *    of app, namespace, services, gateway, routes, rateLimit, circuitBreaker, autoscaling, tls…)
 *    and that is not a Kubernetes object (`kind:` other than TrafficSpec, or `metadata:` + `spec:`).
 * The choice reads keys line by line, so a block with a YAML syntax error can still be chosen
 * (and its error reported, with the right line, by the YAML loader).
 */

/** Top-level keys of TrafficSpec (mirrors src/spec/schema/spec.ts). */
export const SPEC_KEYS = new Set([
  'apiVersion',
  'app',
  'name',
  'namespace',
  'createNamespace',
  'services',
  'service',
  'gateway',
  'tls',
  'routes',
  'policyName',
  'rateLimit',
  'circuitBreaker',
  'retry',
  'timeouts',
  'autoscaling',
  'criteria',
]);

const YAML_LANGS = new Set(['yaml', 'yml']);

/** Keys at column 0 (`key:`), ignoring comments and document markers. */
export function topLevelKeys(text: string): string[] {
  const keys: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z_][\w-]*)\s*:(?:\s|$)/.exec(line);
    if (m) keys.push(m[1]);
  }
  return keys;
}

function looksLikeKubernetesObject(text: string, keys: readonly string[]): boolean {
  const kind = /^kind:\s*["']?([\w-]+)/m.exec(text)?.[1];
  if (kind !== undefined && kind !== 'TrafficSpec') return true;
  return keys.includes('metadata') && keys.includes('spec');
}

/** How much a YAML fence looks like the structured spec: 0 = not at all. */
export function specScore(fence: Fence): number {
  if (!YAML_LANGS.has(fence.lang)) return 0;
  const attrs = fence.info
    .split(/\s+/)
    .slice(1)
    .map((a) => a.toLowerCase());
  if (attrs.includes('traffic-spec') || attrs.includes('spec')) return 1000;
  const keys = topLevelKeys(fence.text);
  if (looksLikeKubernetesObject(fence.text, keys)) return 0;
  const known = new Set(keys.filter((k) => SPEC_KEYS.has(k)));
  return known.size >= 2 ? known.size : 0;
}

/** Picks the spec block among fences (see the module comment); also returns the other candidates. */
export function chooseYamlBlock(fences: readonly Fence[]): { chosen?: Fence; others: Fence[] } {
  const candidates = fences.filter((f) => specScore(f) > 0);
  const named = candidates.find((f) => specScore(f) >= 1000);
  const chosen = named ?? candidates[0];
  return { chosen, others: candidates.filter((f) => f !== chosen) };
}
