import type { Diagnostic, ResourceRef } from '../model/diagnostic.js';
import { refOf, type SourceDoc } from '../model/manifest.js';
import type { ClusterClient } from './client.js';
import type { Readiness } from './conditions.js';
import { waitsFor } from './conditions.js';
import { type ClusterInput, toDocs } from './docs.js';
import { type DryRunResult, dryRun, FIELD_MANAGER } from './dry-run.js';
import { orderForApply } from './order.js';
import { failureToDiagnostics } from './rejection.js';
import { describeReadiness, waitFailureDiagnostic, waitUntilReady } from './wait.js';

/** What apply is about to touch; shown before anything is written. */
export interface ApplyPlan {
  context: string;
  server: string;
  namespaces: string[];
  /** Objects in apply order, grouped by stage. */
  stages: ResourceRef[][];
}

export type ApplyProgress =
  | { type: 'plan'; plan: ApplyPlan }
  | { type: 'dry-run'; result: DryRunResult }
  | { type: 'applied'; ref: ResourceRef }
  | { type: 'waiting'; ref: ResourceRef; readiness: Readiness }
  | { type: 'ready'; ref: ResourceRef; readiness: Readiness; ms: number };

export interface ApplyOptions {
  /** Must be true: apply refuses to write otherwise. */
  yes?: boolean;
  /** Total time to wait for conditions (default 180 000 ms). */
  timeoutMs?: number;
  /** Poll interval while waiting (default 2000 ms). */
  pollMs?: number;
  fieldManager?: string;
  onProgress?: (e: ApplyProgress) => void;
}

export interface ApplyResult {
  ok: boolean;
  /** True when nothing was done because `yes` was not given. */
  refused: boolean;
  plan: ApplyPlan;
  dryRun?: DryRunResult;
  applied: ResourceRef[];
  ready: { ref: ResourceRef; readiness: Readiness; ms: number }[];
  diagnostics: Diagnostic[];
}

/** The context, namespaces and ordered objects apply would touch. No server calls. */
export function planApply(
  client: Pick<ClusterClient, 'context' | 'server' | 'defaultNamespace'>,
  input: ClusterInput,
): ApplyPlan {
  const docs = toDocs(input);
  const ns = new Set<string>();
  for (const d of docs) {
    if (d.object.kind === 'Namespace' && d.object.metadata.name) ns.add(d.object.metadata.name);
    else if (
      !['GatewayClass', 'ClusterIssuer', 'ClusterTriggerAuthentication', 'CustomResourceDefinition'].includes(
        d.object.kind,
      )
    ) {
      ns.add(d.object.metadata.namespace ?? client.defaultNamespace);
    }
  }
  return {
    context: client.context,
    server: client.server,
    namespaces: [...ns].sort(),
    stages: orderForApply(docs, (d) => d.object).map((g) => g.map((d) => refOf(d.object))),
  };
}

/** Human-readable plan: context, namespaces, objects in order. */
export function formatPlan(p: ApplyPlan): string {
  const lines = [
    `context:    ${p.context} (${p.server})`,
    `namespaces: ${p.namespaces.join(', ') || '(none)'}`,
    'order:',
  ];
  let i = 1;
  for (const stage of p.stages)
    for (const r of stage)
      lines.push(`  ${String(i++).padStart(2)}. ${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name ?? ''}`);
  return lines.join('\n');
}

/**
 * Applies a stack: refuses without `yes: true`; dry-runs first and stops if that fails; then server-side applies
 * stage by stage (Namespace → Secrets/cert-manager → backends → GatewayClass/EnvoyProxy → Gateway → routes →
 * policies → ScaledObject/HPA → others) and after each stage waits for Gateway Programmed, route parents
 * Accepted+ResolvedRefs, policy ancestors Accepted (Conflicted fails) and ScaledObject Ready. Stops at the first
 * rejection, failed condition or timeout. Never deletes; never prints Secret data (events carry references only).
 */
export async function apply(client: ClusterClient, input: ClusterInput, opts: ApplyOptions = {}): Promise<ApplyResult> {
  const docs = toDocs(input);
  const plan = planApply(client, docs);
  const result: ApplyResult = { ok: false, refused: false, plan, applied: [], ready: [], diagnostics: [] };
  if (opts.yes !== true) {
    result.refused = true;
    result.diagnostics.push({
      code: 'cluster/confirmation-required',
      severity: 'error',
      message: `apply would change context ${plan.context}, namespaces ${plan.namespaces.join(', ') || '(none)'}; refusing without explicit confirmation`,
      hint: 'review the plan (and `traffic-engineer dry-run`), then pass --yes',
    });
    return result;
  }
  opts.onProgress?.({ type: 'plan', plan });
  const fieldManager = opts.fieldManager ?? FIELD_MANAGER;
  result.dryRun = await dryRun(client, docs, { fieldManager });
  opts.onProgress?.({ type: 'dry-run', result: result.dryRun });
  if (!result.dryRun.ok) {
    result.diagnostics.push(...result.dryRun.diagnostics.filter((d) => d.severity === 'error'));
    return result;
  }
  const timeoutMs = opts.timeoutMs ?? 180_000;
  const deadline = Date.now() + timeoutMs;
  for (const stage of orderForApply(docs, (d) => d.object)) {
    for (const doc of stage) {
      const out = await client.apply(doc.object, { dryRun: false, fieldManager });
      if (!out.ok) {
        result.diagnostics.push(...failureToDiagnostics(out.failure, doc));
        return result;
      }
      result.applied.push(refOf(doc.object));
      opts.onProgress?.({ type: 'applied', ref: refOf(doc.object) });
    }
    const waitable: SourceDoc[] = stage.filter((d) => waitsFor(d.object));
    if (waitable.length === 0) continue;
    const w = await waitUntilReady(client, waitable, {
      deadline,
      pollMs: opts.pollMs ?? 2000,
      onPoll: (doc, r) => opts.onProgress?.({ type: 'waiting', ref: refOf(doc.object), readiness: r }),
    });
    for (const r of w.results) {
      result.ready.push({ ref: refOf(r.doc.object), readiness: r.readiness, ms: r.ms });
      opts.onProgress?.({ type: 'ready', ref: refOf(r.doc.object), readiness: r.readiness, ms: r.ms });
      for (const warning of r.readiness.warnings) {
        result.diagnostics.push({
          code: 'cluster/condition-warning',
          severity: 'warning',
          resource: refOf(r.doc.object),
          file: r.doc.file,
          message: warning,
        });
      }
    }
    if (w.failure) {
      result.diagnostics.push(waitFailureDiagnostic(w.failure, timeoutMs));
      return result;
    }
  }
  result.ok = true;
  return result;
}

/** One line per progress event, for the CLI. */
export function formatProgress(e: ApplyProgress): string | undefined {
  const name = (r: ResourceRef) => `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name ?? ''}`;
  if (e.type === 'plan') return `applying to ${e.plan.context}, namespaces ${e.plan.namespaces.join(', ')}`;
  if (e.type === 'dry-run') return `dry-run ${e.result.ok ? 'passed' : 'FAILED'} (${e.result.objects.length} objects)`;
  if (e.type === 'applied') return `applied   ${name(e.ref)}`;
  if (e.type === 'ready')
    return `ready     ${name(e.ref)} after ${(e.ms / 1000).toFixed(1)}s: ${describeReadiness(e.readiness)}`;
  return undefined;
}
