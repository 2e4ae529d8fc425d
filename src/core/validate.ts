import { existsSync } from 'node:fs';
import type { Diagnostic } from '../model/diagnostic.js';
import type { SourceDoc } from '../model/manifest.js';
import { addCrdObjects, CrdSet, defaultCrdCacheDir, loadCrdCache, loadCrds } from '../validate/crds/index.js';
import { type ValidationReport, validateDocs } from '../validate/validate.js';
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

/** Validates manifests from files, directories, stdin or text: schema + CEL, cross-resource rules, KEDA rules, lints. */
export async function validate(input: ValidateInput, deps: ValidateDeps = {}): Promise<ValidateResult> {
  const args = ValidateInput.parse(input);
  const read =
    args.yaml !== undefined
      ? await readManifests(['-'], async () => args.yaml as string)
      : await readManifests(args.paths, deps.readStdin);
  const crds = await resolveCrds(args.crds, deps);
  const report = validateDocs(read.docs, {
    crds: crds.set,
    disable: args.disable,
    ...(args.envoyReplicas ? { envoyReplicas: args.envoyReplicas } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  });
  const diagnostics = [...read.diagnostics, ...crds.diagnostics, ...report.diagnostics];
  const summary = { ...report.summary };
  for (const d of [...read.diagnostics, ...crds.diagnostics]) {
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
