import { existsSync } from 'node:fs';
import type { Diagnostic } from '../model/diagnostic.js';
import type { SourceDoc } from '../model/manifest.js';
import { addCrdObjects, CrdSet, defaultCrdCacheDir, loadCrdCache, loadCrds } from '../validate/crds/index.js';
import { type ValidationReport, validateDocs } from '../validate/validate.js';
import { type ClusterView, readClusterView } from './cluster-objects.js';
import { ValidateInput } from './inputs.js';
import { readManifests } from './read-manifests.js';

export { ValidateInput } from './inputs.js';

export interface ValidateDeps {
  readStdin?: () => Promise<string>;
  /** CRD objects from the connected cluster (for `--crds cluster`). */
  clusterCrds?: () => Promise<unknown[]>;
  now?: Date;
}

export interface ValidateResult extends ValidationReport {
  docs: SourceDoc[];
  inputError: boolean;
}

// CRD sets by source list, so repeated validations in one process (MCP, `run`) parse CRDs once.
const crdCache = new Map<string, Promise<CrdSet>>();

/** Loads the CRD set for `--crds` values (paths, `cluster`), or the local cache when none are given. */
export async function resolveCrds(
  sources: readonly string[],
  deps: ValidateDeps = {},
): Promise<{ set: CrdSet; diagnostics: Diagnostic[] }> {
  const key = sources.join('\0');
  const diagnostics: Diagnostic[] = [];
  if (!sources.includes('cluster') && crdCache.has(key)) return { set: await crdCache.get(key)!, diagnostics };
  const load = (async () => {
    const set = new CrdSet();
    const paths = sources.filter((s) => s !== 'cluster');
    if (sources.length === 0) {
      const dir = defaultCrdCacheDir();
      if (existsSync(dir)) await loadCrdCache(dir, set);
    } else if (paths.length) await loadCrds(paths, set);
    if (sources.includes('cluster')) {
      if (!deps.clusterCrds)
        diagnostics.push({
          code: 'cluster/unavailable',
          severity: 'error',
          message: '--crds cluster needs a cluster connection',
        });
      else addCrdObjects(set, await deps.clusterCrds(), '<cluster>');
    }
    return set;
  })();
  if (!sources.includes('cluster')) crdCache.set(key, load);
  const set = await load;
  diagnostics.push(...set.diagnostics.filter((d) => d.severity !== 'info'));
  return { set, diagnostics };
}

/**
 * With `--crds cluster`, `--context` or `--kubeconfig`: connect, read the cluster's CRDs (for `--crds cluster`)
 * and the objects references may point at, so that a missing reference is an error rather than a maybe.
 */
async function connectForValidation(
  args: { crds: string[]; context?: string; kubeconfig?: string },
  docs: readonly SourceDoc[],
): Promise<{ view?: ClusterView; diagnostics: Diagnostic[] }> {
  if (!args.crds.includes('cluster') && args.context === undefined && args.kubeconfig === undefined)
    return { diagnostics: [] };
  const { connect } = await import('../cluster/client.js');
  const { clusterErrorToDiagnostic } = await import('../cluster/errors.js');
  try {
    const client = await connect({ context: args.context, kubeconfig: args.kubeconfig });
    const view = await readClusterView(client, docs, { crds: args.crds.includes('cluster') });
    const diagnostics: Diagnostic[] = [
      {
        code: 'validate/cluster-read',
        severity: 'info',
        message: `references resolved against context ${view.context} as well (${view.objects.length} objects${view.crds ? `, ${view.crds.length} CRDs` : ''})${view.skipped.length ? `; not read: ${view.skipped.join('; ')}` : ''}`,
      },
    ];
    return { view, diagnostics };
  } catch (err) {
    return { diagnostics: [clusterErrorToDiagnostic(err)] };
  }
}

/** Validates manifests from files, directories, stdin or text: schema + CEL, cross-resource rules, KEDA rules, lints. */
export async function validate(input: ValidateInput, deps: ValidateDeps = {}): Promise<ValidateResult> {
  const args = ValidateInput.parse(input);
  const read =
    args.yaml !== undefined
      ? await readManifests(['-'], async () => args.yaml as string)
      : await readManifests(args.paths, deps.readStdin);
  const cluster = await connectForValidation(args, read.docs);
  const crds = await resolveCrds(args.crds, {
    ...deps,
    ...(cluster.view?.crds ? { clusterCrds: async () => cluster.view?.crds ?? [] } : {}),
  });
  const report = validateDocs(read.docs, {
    crds: crds.set,
    ...(cluster.view ? { clusterObjects: cluster.view.objects } : {}),
    disable: args.disable,
    ...(args.envoyReplicas ? { envoyReplicas: args.envoyReplicas } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  });
  const extra = [...read.diagnostics, ...cluster.diagnostics, ...crds.diagnostics];
  const diagnostics = [...extra, ...report.diagnostics];
  const summary = { ...report.summary };
  for (const d of extra) {
    if (d.severity === 'error') summary.errors++;
    else if (d.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return {
    docs: read.docs,
    diagnostics,
    summary,
    coverage: report.coverage,
    inputError: read.inputError || crds.diagnostics.some((d) => d.code.startsWith('crds/') && d.severity === 'error'),
  };
}
