import {
  type ApplyProgress,
  type ApplyResult,
  apply,
  type ClusterClient,
  clusterErrorToDiagnostic,
  connect,
  type DiffResult,
  type DryRunResult,
  describeEnvoyService,
  diff,
  dryRun,
  type EnvoyService,
  findEnvoyService,
  type PortForwardHandle,
  type PreflightResult,
  portForward,
  preflight,
  type StatusResult,
  status,
} from '../cluster/index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { docsFromObjects } from '../model/load-yaml.js';
import type { Manifest, SourceDoc } from '../model/manifest.js';
import { generate } from './generate.js';
import type { ClusterTarget } from './inputs.js';
import { readManifests } from './read-manifests.js';

export { ClusterTarget } from './inputs.js';

/** The stack to work on: manifest files/directories, a traffic spec (rendered first), or objects. */
export interface StackSource {
  files?: string[];
  specPath?: string;
  manifests?: Manifest[];
}

export interface ClusterCallOptions {
  readStdin?: () => Promise<string>;
  env?: NodeJS.ProcessEnv;
}

export interface ClusterOutcome<T> {
  ok: boolean;
  /** The stack could not be read (CLI exit 2). */
  inputError?: boolean;
  result?: T;
  diagnostics: Diagnostic[];
}

/** Reads the stack: files (or a single traffic spec among them, detected when it holds no Kubernetes objects). */
export async function loadStack(
  src: StackSource,
  opts: ClusterCallOptions = {},
): Promise<{ docs: SourceDoc[]; diagnostics: Diagnostic[]; inputError: boolean }> {
  if (src.manifests) return { docs: docsFromObjects(src.manifests), diagnostics: [], inputError: false };
  const fromSpec = async (specPath: string) => {
    const g = await generate({ specPath }, { readStdin: opts.readStdin });
    return {
      docs: g.ok ? docsFromObjects(g.manifests, `<generated from ${specPath}>`) : [],
      diagnostics: g.diagnostics,
      inputError: !!g.inputError || !g.ok,
    };
  };
  if (src.specPath) return fromSpec(src.specPath);
  const files = src.files ?? [];
  if (files.length === 1 && /\.md$/i.test(files[0])) return fromSpec(files[0]);
  const r = await readManifests(files, opts.readStdin);
  if (files.length === 1 && r.docs.length === 0 && r.diagnostics.some((d) => d.code === 'input/not-an-object'))
    return fromSpec(files[0]);
  return {
    docs: r.docs,
    diagnostics: r.diagnostics,
    inputError: r.inputError || r.diagnostics.some((d) => d.severity === 'error'),
  };
}

async function withClient<T>(
  target: ClusterTarget,
  opts: ClusterCallOptions,
  fn: (c: ClusterClient) => Promise<ClusterOutcome<T>>,
): Promise<ClusterOutcome<T>> {
  try {
    const client = await connect({ kubeconfig: target.kubeconfig, context: target.context, env: opts.env });
    return await fn(client);
  } catch (e) {
    return { ok: false, diagnostics: [clusterErrorToDiagnostic(e)] };
  }
}

async function withStack<T>(
  target: ClusterTarget,
  src: StackSource,
  opts: ClusterCallOptions,
  fn: (c: ClusterClient, docs: SourceDoc[]) => Promise<ClusterOutcome<T>>,
): Promise<ClusterOutcome<T>> {
  const stack = await loadStack(src, opts);
  if (stack.inputError) return { ok: false, inputError: true, diagnostics: stack.diagnostics };
  const out = await withClient(target, opts, (c) => fn(c, stack.docs));
  return { ...out, diagnostics: [...stack.diagnostics, ...out.diagnostics] };
}

/** Preflight the cluster (see src/cluster/preflight.ts). */
export async function clusterPreflight(
  input: ClusterTarget & { gatewayClass?: string; prometheusUrl?: string },
  opts: ClusterCallOptions = {},
): Promise<ClusterOutcome<PreflightResult>> {
  return withClient(input, opts, async (c) => {
    const result = await preflight(c, { gatewayClass: input.gatewayClass, prometheusUrl: input.prometheusUrl });
    return { ok: result.ok, result, diagnostics: [] };
  });
}

/** Server-side dry-run of a stack. */
export async function clusterDryRun(
  input: ClusterTarget & StackSource,
  opts: ClusterCallOptions = {},
): Promise<ClusterOutcome<DryRunResult>> {
  return withStack(input, input, opts, async (c, docs) => {
    const result = await dryRun(c, docs);
    return { ok: result.ok, result, diagnostics: result.diagnostics };
  });
}

/** Ordered apply with waits; refuses without `yes`. */
export async function clusterApply(
  input: ClusterTarget & StackSource & { yes?: boolean; timeoutMs?: number; pollMs?: number },
  opts: ClusterCallOptions & { onProgress?: (e: ApplyProgress) => void } = {},
): Promise<ClusterOutcome<ApplyResult>> {
  return withStack(input, input, opts, async (c, docs) => {
    const result = await apply(c, docs, {
      yes: input.yes,
      timeoutMs: input.timeoutMs,
      pollMs: input.pollMs,
      onProgress: opts.onProgress,
    });
    return { ok: result.ok, result, diagnostics: result.diagnostics };
  });
}

/** Live conditions of every object of a stack. */
export async function clusterStatus(
  input: ClusterTarget & StackSource,
  opts: ClusterCallOptions = {},
): Promise<ClusterOutcome<StatusResult>> {
  return withStack(input, input, opts, async (c, docs) => {
    const result = await status(c, docs);
    return { ok: result.objects.every((o) => o.found && o.readiness?.state !== 'failed'), result, diagnostics: [] };
  });
}

/** Live vs desired for every object of a stack. */
export async function clusterDiff(
  input: ClusterTarget & StackSource,
  opts: ClusterCallOptions = {},
): Promise<ClusterOutcome<DiffResult>> {
  return withStack(input, input, opts, async (c, docs) => {
    const result = await diff(c, docs);
    return { ok: true, result, diagnostics: [] };
  });
}

export interface GatewayEndpoint {
  service: EnvoyService;
  /** `ns/name (LoadBalancer, address localhost, ports 8080:30219/TCP)` */
  description: string;
  /** Open when `ports` were asked for; close it when done. */
  portForward?: PortForwardHandle;
}

/**
 * Finds the Envoy Service of a Gateway (LoadBalancer address, node ports) and, when `ports` (local → service port,
 * e.g. `{8080: 8080, 8443: 8443}`) is given, port-forwards them from 127.0.0.1 to a ready Envoy pod, so criteria
 * written against http://localhost:8080 work on kind and Docker Desktop. For `verify --port-forward`.
 */
export async function clusterGatewayEndpoint(
  input: ClusterTarget & { gatewayNamespace: string; gatewayName: string; ports?: Record<number, number> },
  opts: ClusterCallOptions = {},
): Promise<ClusterOutcome<GatewayEndpoint>> {
  return withClient(input, opts, async (c) => {
    const service = await findEnvoyService(c, input.gatewayNamespace, input.gatewayName);
    if (!service) {
      return {
        ok: false,
        diagnostics: [
          {
            code: 'cluster/no-envoy-service',
            severity: 'error',
            resource: {
              apiVersion: 'gateway.networking.k8s.io/v1',
              kind: 'Gateway',
              namespace: input.gatewayNamespace,
              name: input.gatewayName,
            },
            message: `no Envoy Service is labelled for Gateway ${input.gatewayNamespace}/${input.gatewayName} (in envoy-gateway-system or ${input.gatewayNamespace})`,
            hint: 'check that the Gateway is Programmed (`traffic-engineer status`) and that Envoy Gateway is running (`traffic-engineer preflight`)',
          },
        ],
      };
    }
    const handle = input.ports ? await portForward(c, service, input.ports) : undefined;
    return {
      ok: true,
      result: { service, description: describeEnvoyService(service), portForward: handle },
      diagnostics: [],
    };
  });
}
