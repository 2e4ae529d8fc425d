import type { Diagnostic } from '../model/diagnostic.js';
import { describe, type Manifest, refOf, type SourceDoc } from '../model/manifest.js';
import type { ClusterClient } from './client.js';
import { type Readiness, readiness } from './conditions.js';
import { findEnvoyService } from './envoy-service.js';
import { ClusterError } from './errors.js';
import { readyPodOf } from './port-forward.js';

export interface WaitOutcome {
  ok: boolean;
  /** Per object: the last readiness seen and how long it took (ms). */
  results: { doc: SourceDoc; readiness: Readiness; ms: number }[];
  /** The object that failed or timed out. */
  failure?: { doc: SourceDoc; readiness: Readiness; timedOut: boolean };
}

export interface WaitOptions {
  /** Absolute deadline (Date.now() based). */
  deadline: number;
  pollMs: number;
  onPoll?: (doc: SourceDoc, r: Readiness) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls each object's status until all are ready, one fails for good, or the deadline passes. */
export async function waitUntilReady(
  client: ClusterClient,
  docs: readonly SourceDoc[],
  opts: WaitOptions,
): Promise<WaitOutcome> {
  const start = Date.now();
  const results: WaitOutcome['results'] = [];
  let pending = [...docs];
  const last = new Map<SourceDoc, Readiness>();
  while (pending.length > 0) {
    const still: SourceDoc[] = [];
    for (const doc of pending) {
      const live = await client.get(doc.object);
      let r: Readiness = live
        ? readiness(live)
        : { state: 'pending', message: 'the object is not there yet', warnings: [] };
      if (live && r.state === 'ready' && r.reason === 'AddressNotAssigned') r = await envoyPodCheck(client, live, r);
      last.set(doc, r);
      opts.onPoll?.(doc, r);
      if (r.state === 'failed') return { ok: false, results, failure: { doc, readiness: r, timedOut: false } };
      if (r.state === 'ready') results.push({ doc, readiness: r, ms: Date.now() - start });
      else still.push(doc);
    }
    pending = still;
    if (pending.length === 0) break;
    const left = opts.deadline - Date.now();
    if (left <= 0) {
      const doc = pending[0];
      return { ok: false, results, failure: { doc, readiness: last.get(doc) as Readiness, timedOut: true } };
    }
    await sleep(Math.min(opts.pollMs, left));
  }
  return { ok: true, results };
}

/**
 * Without a LoadBalancer address Envoy Gateway reports Programmed=False/AddressNotAssigned and does not say whether
 * the Envoy pods are up, so we look for a ready Envoy pod ourselves before calling the Gateway usable.
 */
async function envoyPodCheck(client: ClusterClient, gw: Manifest, r: Readiness): Promise<Readiness> {
  const svc = await findEnvoyService(
    client,
    gw.metadata.namespace ?? client.defaultNamespace,
    gw.metadata.name as string,
  );
  if (!svc) return { ...r, state: 'pending', message: 'no address assigned and no Envoy Service for this Gateway yet' };
  try {
    await readyPodOf(client, svc);
    return r;
  } catch (e) {
    if (!(e instanceof ClusterError) || e.kind !== 'api-error') throw e;
    return { ...r, state: 'pending', message: `no address assigned and ${e.message}` };
  }
}

/** `Programmed=False (reason Invalid): message` */
export function describeReadiness(r: Readiness): string {
  const cond = r.condition
    ? `${r.condition}${r.state === 'ready' ? '=True' : r.reason ? '=False' : ' not True'}`
    : r.state;
  const where = r.where ? ` on ${r.where}` : '';
  const reason = r.reason ? ` (reason ${r.reason})` : '';
  const msg = r.message ? `: ${r.message}` : '';
  return `${cond}${where}${reason}${msg}`;
}

/** The wait failure as a Diagnostic (`cluster/wait-failed` or `cluster/wait-timeout`). */
export function waitFailureDiagnostic(f: NonNullable<WaitOutcome['failure']>, timeoutMs: number): Diagnostic {
  const what = describe(f.doc.object);
  if (f.timedOut) {
    return {
      code: 'cluster/wait-timeout',
      severity: 'error',
      resource: refOf(f.doc.object),
      file: f.doc.file,
      message: `timed out after ${Math.round(timeoutMs / 1000)}s waiting for ${what}; last seen: ${describeReadiness(f.readiness)}`,
      hint: 'run `traffic-engineer status` to see every condition; raise --timeout if the controller is just slow',
    };
  }
  return {
    code: 'cluster/wait-failed',
    severity: 'error',
    resource: refOf(f.doc.object),
    file: f.doc.file,
    message: `${what} failed: ${describeReadiness(f.readiness)}`,
    hint:
      f.readiness.condition === 'Conflicted'
        ? 'another policy already targets the same object at the same level; the older one wins'
        : undefined,
  };
}
