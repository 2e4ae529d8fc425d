/**
 * `verify`: run a spec's success criteria against the running system: HTTP, JSON fields, TLS,
 * rate-limit bursts (compared with the simulator's prediction for the generated stack), Kubernetes
 * objects and server-side dry-run when a cluster is given, optionally through port-forwards.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ClusterClient } from '../cluster/client.js';
import type { PortForwardHandle } from '../cluster/port-forward.js';
import {
  burstPredictor,
  type DryRunOutcome,
  type LiveCluster,
  liveClusterFrom,
  parseOrigins,
  planForwards,
  rateLimitWindowsFrom,
  type VerifyReport,
  verifyCriteria,
} from '../criteria/live/index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { parseManifestStream } from '../model/load-yaml.js';
import type { Manifest, SourceDoc } from '../model/manifest.js';
import type { Criterion, DryRunCheck } from '../spec/checks.js';
import { loadSpecText, looksLikeMarkdown } from '../spec/load-text.js';
import { parseMarkdownSpec } from '../spec/markdown/index.js';
import type { TrafficSpec } from '../spec/schema/spec.js';
import { generate } from './generate.js';
import { VerifyInput } from './inputs.js';
import { readInputFile } from './read-input.js';

export { VerifyInput } from './inputs.js';

export interface VerifyDeps {
  readStdin?: () => Promise<string>;
  /** Progress lines (connections, port-forwards). */
  log?: (line: string) => void;
  cwd?: string;
}

export interface VerifyResult {
  report?: VerifyReport;
  diagnostics: Diagnostic[];
  /** Bad arguments or unreadable spec (CLI exit 2). */
  inputError?: boolean;
}

/** Runs every parsed check of the spec's criteria against the live system. */
export async function verify(specPath: string, input: VerifyInput, deps: VerifyDeps = {}): Promise<VerifyResult> {
  const args = VerifyInput.parse(input);
  const log = deps.log ?? (() => {});
  const cwd = deps.cwd ?? process.cwd();
  const { origins, errors } = parseOrigins(args.origin);
  if (errors.length)
    return {
      inputError: true,
      diagnostics: errors.map((message) => ({ code: 'input/bad-origin', severity: 'error' as const, message })),
    };
  const loaded = await loadCriteria(specPath, deps.readStdin);
  if ('diagnostics' in loaded) return { inputError: true, diagnostics: loaded.diagnostics };

  let client: ClusterClient | undefined;
  let cluster: LiveCluster | undefined;
  if (args.context || args.kubeconfig) {
    const { connect } = await import('../cluster/client.js');
    client = await connect({ context: args.context, kubeconfig: args.kubeconfig, requestTimeoutMs: args.timeout * 6 });
    cluster = liveClusterFrom(client);
    log(`verify: reading the cluster through context ${client.context} (${client.server})`);
  }
  const stack = loaded.spec ? await generate({ spec: loaded.spec }) : undefined;
  let forwards: PortForwardHandle[] = [];
  if (args.portForward) {
    const gateway = stack?.manifests.find((m) => m.kind === 'Gateway');
    if (!client || !gateway) {
      const why = !client
        ? '--context or --kubeconfig'
        : !stack
          ? 'a spec with a structured block (to find its Gateway)'
          : `the spec's Gateway, but the stack could not be generated: ${stack.diagnostics.find((d) => d.severity === 'error')?.message ?? 'no Gateway'}`;
      return {
        inputError: true,
        diagnostics: [{ code: 'input/port-forward', severity: 'error', message: `--port-forward needs ${why}` }],
      };
    }
    const opened = await openForwards(client, gateway, loaded.criteria, origins, log);
    if (!opened)
      return {
        diagnostics: [
          { code: 'cluster/no-envoy-service', severity: 'error', message: 'no Envoy Service to port-forward to' },
        ],
      };
    forwards = opened;
  }
  const theClient = client;
  const report = await verifyCriteria(loaded.criteria, {
    origins,
    prediction: stack?.ok ? burstPredictor(stack.manifests) : undefined,
    rateLimitWindows: stack?.ok ? rateLimitWindowsFrom(stack.manifests) : undefined,
    cluster,
    namespace: args.namespace ?? loaded.namespace,
    dryRun: theClient ? (check) => dryRunCheck(theClient, check, specPath, cwd, deps.readStdin) : undefined,
    burstConcurrency: args.concurrency,
    timeoutMs: args.timeout,
    waitFresh: args.waitFresh,
  }).finally(() => Promise.all(forwards.map((f) => f.close())));
  return { report, diagnostics: [] };
}

/** Port-forwards for the local origins of the criteria; adds them to `origins`. Undefined (reported) on failure. */
async function openForwards(
  client: ClusterClient,
  gateway: Manifest,
  criteria: readonly Criterion[],
  origins: Record<string, string>,
  log: (line: string) => void,
): Promise<PortForwardHandle[] | undefined> {
  const { findEnvoyService, describeEnvoyService } = await import('../cluster/envoy-service.js');
  const { portForward } = await import('../cluster/port-forward.js');
  const plan = planForwards(criteria, gateway, origins);
  for (const p of plan.problems) log(`verify: port-forward: ${p}`);
  const ns = gateway.metadata.namespace ?? client.defaultNamespace;
  const svc = await findEnvoyService(client, ns, String(gateway.metadata.name));
  if (!svc) {
    log(
      `traffic-engineer verify: no Envoy Service for Gateway ${ns}/${gateway.metadata.name} (is it applied and Programmed? see \`traffic-engineer status\`)`,
    );
    return undefined;
  }
  const handles: PortForwardHandle[] = [];
  try {
    for (const f of plan.forwards) {
      const h = await portForward(client, svc, { 0: f.servicePort });
      handles.push(h);
      origins[f.origin] = `${f.scheme}://127.0.0.1:${h.ports[0].local}`;
      log(
        `verify: ${f.origin} → ${describeEnvoyService(svc)} port ${f.servicePort} (listener ${f.listener}) via pod ${h.namespace}/${h.pod}, local 127.0.0.1:${h.ports[0].local}`,
      );
    }
  } catch (err) {
    await Promise.all(handles.map((h) => h.close()));
    throw err;
  }
  return handles;
}

/** The spec's criteria: from the full spec when it loads, else (markdown without a structured block) from its sections. */
async function loadCriteria(
  specPath: string,
  readStdin?: () => Promise<string>,
): Promise<{ criteria: Criterion[]; namespace?: string; spec?: TrafficSpec } | { diagnostics: Diagnostic[] }> {
  const read = await readInputFile(specPath, readStdin);
  if (!read.ok) return { diagnostics: [read.diagnostic] };
  const loaded = loadSpecText(read.text, read.file);
  if (loaded.spec) return { criteria: loaded.spec.criteria, namespace: loaded.spec.namespace, spec: loaded.spec };
  if (looksLikeMarkdown(read.text, read.file)) {
    const md = parseMarkdownSpec(read.text, read.file);
    if (md.criteria.length && !md.diagnostics.some((d) => d.severity === 'error')) return { criteria: md.criteria };
  }
  return { diagnostics: loaded.diagnostics };
}

/** SC-007-style checks: dry-run the named files when they exist, else the stack generated from the spec. */
async function dryRunCheck(
  client: ClusterClient,
  check: DryRunCheck,
  specPath: string,
  cwd: string,
  readStdin?: () => Promise<string>,
): Promise<DryRunOutcome> {
  const { dryRun } = await import('../cluster/dry-run.js');
  const base = specPath === '-' ? cwd : path.dirname(path.resolve(cwd, specPath));
  const found = check.files.map((f) => [path.resolve(base, f), path.resolve(cwd, f)].find((p) => existsSync(p)));
  let docs: (SourceDoc | Manifest)[] = [];
  let source: string;
  if (check.files.length && found.every(Boolean)) {
    for (const f of found as string[]) {
      const read = await readInputFile(f);
      if (!read.ok) return { ok: false, summary: read.diagnostic.message };
      docs.push(...parseManifestStream(read.text, read.file).docs);
    }
    source = check.files.join(', ');
  } else {
    const g = await generate({ specPath }, { readStdin });
    if (!g.ok)
      return {
        ok: false,
        summary: `could not generate the stack from ${specPath}: ${g.diagnostics.find((d) => d.severity === 'error')?.message}`,
      };
    docs = g.manifests;
    source = `the stack generated from ${specPath}${check.files.length ? ` (${check.files.join(', ')} not found)` : ''}`;
  }
  const r = await dryRun(client, docs);
  const counts: Record<string, number> = {};
  for (const o of r.objects) counts[o.action] = (counts[o.action] ?? 0) + 1;
  const tally = Object.entries(counts)
    .map(([a, n]) => `${n} ${a}`)
    .join(', ');
  const firstError = r.diagnostics.find((d) => d.severity === 'error');
  return {
    ok: r.ok,
    summary: `${source}: ${r.objects.length} object(s), ${tally} (server dry run, context ${r.context})${firstError ? `; ${firstError.message}` : ''}`,
    details: r.objects.map((o) => ({ ref: o.ref, action: o.action, diagnostics: o.diagnostics })),
  };
}
