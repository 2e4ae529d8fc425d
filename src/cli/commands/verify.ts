/**
 * `traffic-engineer verify SPEC`: run the spec's success criteria against the running system —
 * HTTP, JSON fields, TLS, rate-limit bursts, Kubernetes objects (with --context), Prometheus triggers,
 * server-side dry-run. Bursts are compared with the rate-limit simulator's prediction for the generated
 * stack. Exit 1 when any criterion fails.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import type { ClusterClient } from '../../cluster/client.js';
import type { PortForwardHandle } from '../../cluster/port-forward.js';
import { generate, readInputFile } from '../../core/api.js';
import {
  burstPredictor,
  type DryRunOutcome,
  formatVerifyText,
  type LiveCluster,
  liveClusterFrom,
  parseOrigins,
  planForwards,
  rateLimitWindowsFrom,
  verifyCriteria,
} from '../../criteria/live/index.js';
import { parseManifestStream } from '../../model/load-yaml.js';
import type { Manifest, SourceDoc } from '../../model/manifest.js';
import type { Criterion, DryRunCheck } from '../../spec/checks.js';
import { loadSpecText, looksLikeMarkdown } from '../../spec/load-text.js';
import { parseMarkdownSpec } from '../../spec/markdown/index.js';
import type { TrafficSpec } from '../../spec/schema/spec.js';
import { type CommandIO, defineCommand, EXIT } from '../command.js';
import { formatDiagnosticLines } from '../diagnostics.js';

export const verifyCommand = defineCommand({
  name: 'verify',
  summary: 'Check the success criteria against the running system (HTTP, TLS, rate limits, cluster objects)',
  positionals: [
    { name: 'spec', description: 'Traffic spec with success criteria: YAML or markdown (- for stdin)', required: true },
  ],
  options: z.object({
    origin: z
      .array(z.string())
      .default([])
      .describe(
        'FROM=TO: send requests for origin FROM to TO (Host and SNI stay FROM), e.g. http://localhost:8080=http://127.0.0.1:18080',
      ),
    context: z
      .string()
      .optional()
      .describe('Kubeconfig context for resource and dry-run checks (without it they are skipped)'),
    kubeconfig: z.string().optional().describe('Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'),
    namespace: z
      .string()
      .optional()
      .describe('Namespace for resource checks that name none (default: the spec’s namespace)'),
    concurrency: z
      .number()
      .int()
      .min(1)
      .max(64)
      .default(1)
      .describe('Requests in flight per burst (1 = one after another, like a curl loop)'),
    timeout: z.number().int().min(100).max(120_000).default(5000).describe('Per-request timeout in ms'),
    portForward: z
      .boolean()
      .default(false)
      .describe(
        'Reach local criterion origins (localhost:8080, :8443) through a port-forward to the Gateway’s Envoy pods',
      ),
    waitFresh: z
      .number()
      .min(0)
      .max(600)
      .default(0)
      .describe(
        'If a rate-limit bucket was drained by an earlier run, wait for it once (up to this many seconds) and retry',
      ),
    format: z.enum(['text', 'json']).default('text').describe('Output format'),
  }),
  short: { f: 'format' },
  examples: [
    'traffic-engineer verify examples/task-api/traffic-spec.md',
    'traffic-engineer verify spec.md --origin http://localhost:8080=http://127.0.0.1:18080 --origin https://localhost:8443=https://127.0.0.1:18443',
    'traffic-engineer verify spec.md --context kind-dev --format json',
    'traffic-engineer verify spec.md --context kind-dev --port-forward',
  ],
  async run(args, [specPath], io) {
    const { origins, errors } = parseOrigins(args.origin);
    if (errors.length) {
      io.stderr(errors.map((e) => `traffic-engineer verify: ${e}\n`).join(''));
      return EXIT.usage;
    }
    const loaded = await loadCriteria(specPath, io);
    if (!loaded) return EXIT.usage;

    let client: ClusterClient | undefined;
    let cluster: LiveCluster | undefined;
    if (args.context || args.kubeconfig) {
      const { connect } = await import('../../cluster/client.js');
      client = await connect({
        context: args.context,
        kubeconfig: args.kubeconfig,
        requestTimeoutMs: args.timeout * 6,
      });
      cluster = liveClusterFrom(client);
      io.stderr(`verify: reading the cluster through context ${client.context} (${client.server})\n`);
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
        io.stderr(`traffic-engineer verify: --port-forward needs ${why}\n`);
        return EXIT.usage;
      }
      const opened = await openForwards(client, gateway, loaded.criteria, origins, io);
      if (!opened) return EXIT.findings;
      forwards = opened;
    }
    const report = await verifyCriteria(loaded.criteria, {
      origins,
      prediction: stack?.ok ? burstPredictor(stack.manifests) : undefined,
      rateLimitWindows: stack?.ok ? rateLimitWindowsFrom(stack.manifests) : undefined,
      cluster,
      namespace: args.namespace ?? loaded.namespace,
      dryRun: client ? (check) => dryRunCheck(client, check, specPath, io) : undefined,
      burstConcurrency: args.concurrency,
      timeoutMs: args.timeout,
      waitFresh: args.waitFresh,
    }).finally(() => Promise.all(forwards.map((f) => f.close())));
    io.stdout(args.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatVerifyText(report));
    return report.summary.failed > 0 ? EXIT.findings : EXIT.ok;
  },
});

/** Port-forwards for the local origins of the criteria; adds them to `origins`. Undefined (reported) on failure. */
async function openForwards(
  client: ClusterClient,
  gateway: Manifest,
  criteria: readonly Criterion[],
  origins: Record<string, string>,
  io: CommandIO,
): Promise<PortForwardHandle[] | undefined> {
  const { findEnvoyService, describeEnvoyService } = await import('../../cluster/envoy-service.js');
  const { portForward } = await import('../../cluster/port-forward.js');
  const plan = planForwards(criteria, gateway, origins);
  for (const p of plan.problems) io.stderr(`verify: port-forward: ${p}\n`);
  const ns = gateway.metadata.namespace ?? client.defaultNamespace;
  const svc = await findEnvoyService(client, ns, String(gateway.metadata.name));
  if (!svc) {
    io.stderr(
      `traffic-engineer verify: no Envoy Service for Gateway ${ns}/${gateway.metadata.name} (is it applied and Programmed? see \`traffic-engineer status\`)\n`,
    );
    return undefined;
  }
  const handles: PortForwardHandle[] = [];
  try {
    for (const f of plan.forwards) {
      const h = await portForward(client, svc, { 0: f.servicePort });
      handles.push(h);
      origins[f.origin] = `${f.scheme}://127.0.0.1:${h.ports[0].local}`;
      io.stderr(
        `verify: ${f.origin} → ${describeEnvoyService(svc)} port ${f.servicePort} (listener ${f.listener}) via pod ${h.namespace}/${h.pod}, local 127.0.0.1:${h.ports[0].local}\n`,
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
  io: CommandIO,
): Promise<{ criteria: Criterion[]; namespace?: string; spec?: TrafficSpec } | undefined> {
  const read = await readInputFile(specPath, io.readStdin);
  if (!read.ok) {
    io.stderr(formatDiagnosticLines([read.diagnostic]));
    return undefined;
  }
  const loaded = loadSpecText(read.text, read.file);
  if (loaded.spec) return { criteria: loaded.spec.criteria, namespace: loaded.spec.namespace, spec: loaded.spec };
  if (looksLikeMarkdown(read.text, read.file)) {
    const md = parseMarkdownSpec(read.text, read.file);
    if (md.criteria.length && !md.diagnostics.some((d) => d.severity === 'error')) return { criteria: md.criteria };
  }
  io.stderr(formatDiagnosticLines(loaded.diagnostics));
  return undefined;
}

/** SC-007-style checks: dry-run the named files when they exist, else the stack generated from the spec. */
async function dryRunCheck(
  client: ClusterClient,
  check: DryRunCheck,
  specPath: string,
  io: CommandIO,
): Promise<DryRunOutcome> {
  const { dryRun } = await import('../../cluster/dry-run.js');
  const base = specPath === '-' ? io.cwd : path.dirname(path.resolve(io.cwd, specPath));
  const found = check.files.map((f) => [path.resolve(base, f), path.resolve(io.cwd, f)].find((p) => existsSync(p)));
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
    const g = await generate({ specPath }, { readStdin: io.readStdin });
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
