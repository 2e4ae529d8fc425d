import { checkCriteria, type StaticOptions, type StaticReport } from '../criteria/static/index.js';
import { type Diagnostic, hasErrors } from '../model/diagnostic.js';
import { docsFromObjects } from '../model/load-yaml.js';
import type { Manifest } from '../model/manifest.js';
import { normalize } from '../spec/plan/normalize.js';
import type { TrafficPlan } from '../spec/plan/types.js';
import type { TrafficSpec } from '../spec/schema/spec.js';
import { validateDocs } from '../validate/validate.js';
import { type GenerateOptions, generate } from './generate.js';
import type { CheckInput } from './inputs.js';
import { loadSpecInput } from './load-spec.js';
import { readManifests } from './read-manifests.js';
import { resolveCrds } from './validate.js';

export { CheckInput } from './inputs.js';

export interface CheckOptions extends GenerateOptions {
  /** Schema validation for dry-run checks (otherwise they are needs-live). */
  validate?: StaticOptions['validate'];
}

export interface CheckResult {
  /** True when no criterion is violated. */
  ok: boolean;
  /** The spec or a config file could not be read or parsed (CLI exit 2). */
  inputError?: boolean;
  report?: StaticReport;
  /** Where the manifests came from: `generated` or the config paths. */
  source?: string;
  manifests: Manifest[];
  diagnostics: Diagnostic[];
}

interface Loaded {
  inputError?: boolean;
  spec?: TrafficSpec;
  plan?: TrafficPlan;
  diagnostics: Diagnostic[];
}

/** Spec → plan without rendering (no TLS material is made when the stack comes from --config). */
async function loadPlan(input: CheckInput, readStdin?: () => Promise<string>): Promise<Loaded> {
  const loaded = await loadSpecInput(input, readStdin);
  if (loaded.inputError) return { inputError: true, diagnostics: loaded.diagnostics };
  if (!loaded.spec || hasErrors(loaded.diagnostics)) return { diagnostics: loaded.diagnostics };
  const n = normalize(loaded.spec);
  const diagnostics = [...loaded.diagnostics, ...n.diagnostics];
  return hasErrors(n.diagnostics) ? { diagnostics } : { spec: loaded.spec, plan: n.plan, diagnostics };
}

/**
 * With CRDs at hand, a dry-run criterion is decided by the same schema + CEL validation the API server runs;
 * without them it stays needs-live (built-in checks alone prove nothing about custom resources).
 */
async function crdValidationHook(sources: string[], now?: Date): Promise<StaticOptions['validate']> {
  const { set } = await resolveCrds(sources);
  if (set.size === 0) return undefined;
  return (manifests) => {
    const r = validateDocs(docsFromObjects(manifests), { crds: set, ...(now ? { now } : {}) });
    return {
      // Only a proof when every custom resource was checked against its CRD.
      ok: r.summary.errors === 0 && r.coverage.unchecked === 0,
      summary: `${r.summary.errors} error(s) against ${set.size} CRD versions (${r.coverage.crd} documents checked against CRDs, ${r.coverage.builtin} built-in, ${r.coverage.unchecked} without a CRD)`,
    };
  };
}

/** Loads the spec, takes the stack (generated or given) and decides every criterion. */
export async function check(input: CheckInput, opts: CheckOptions = {}): Promise<CheckResult> {
  const fromConfig = !!input.configPaths && input.configPaths.length > 0;
  let spec: TrafficSpec | undefined;
  let plan: TrafficPlan | undefined;
  let manifests: Manifest[] = [];
  let source = 'generated';
  const diagnostics: Diagnostic[] = [];
  if (fromConfig) {
    const l = await loadPlan(input, opts.readStdin);
    diagnostics.push(...l.diagnostics);
    if (l.inputError) return { ok: false, inputError: true, manifests: [], diagnostics };
    const read = await readManifests(input.configPaths ?? [], opts.readStdin);
    diagnostics.push(...read.diagnostics);
    if (read.inputError || hasErrors(read.diagnostics))
      return { ok: false, inputError: true, manifests: [], diagnostics };
    if (!l.spec || !l.plan) return { ok: false, manifests: [], diagnostics };
    ({ spec, plan } = l);
    manifests = read.docs.map((d) => d.object);
    source = (input.configPaths ?? []).join(', ');
  } else {
    const g = await generate(
      { spec: input.spec, specPath: input.specPath, crds: input.crds },
      { ...opts, checkCriteria: false },
    );
    diagnostics.push(...g.diagnostics);
    if (g.inputError) return { ok: false, inputError: true, manifests: [], diagnostics };
    if (!g.ok || !g.spec || !g.plan) return { ok: false, manifests: [], diagnostics };
    ({ spec, plan, manifests } = g);
  }
  if (!spec || !plan) return { ok: false, manifests: [], diagnostics };
  const theSpec = spec;
  const validateHook = opts.validate ?? (await crdValidationHook(input.crds ?? [], opts.now));
  const report = checkCriteria(spec.criteria, manifests, {
    plan,
    envoyReplicas: input.envoyReplicas,
    rateLimitService: input.rateLimitService,
    services: theSpec.services.map((s) => `${theSpec.namespace}/${s.name}`),
    validate: validateHook,
    now: opts.now,
  });
  return { ok: report.summary.violated === 0, report, source, manifests, diagnostics };
}
