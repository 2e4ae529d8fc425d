import { checkCriteria } from '../criteria/static/index.js';
import { type Diagnostic, hasErrors } from '../model/diagnostic.js';
import { docsFromObjects } from '../model/load-yaml.js';
import type { Manifest } from '../model/manifest.js';
import { renderPlan } from '../render/render.js';
import type { TlsMaterialProvider } from '../render/tls.js';
import { normalize } from '../spec/plan/normalize.js';
import type { TrafficPlan } from '../spec/plan/types.js';
import type { TrafficSpec } from '../spec/schema/spec.js';
import { validateDocs } from '../validate/validate.js';
import type { GenerateInput } from './inputs.js';
import { loadSpecInput } from './load-spec.js';
import { resolveCrds } from './validate.js';

export { GenerateInput } from './inputs.js';

export interface GenerateOptions {
  tlsMaterial?: TlsMaterialProvider;
  now?: Date;
  readStdin?: () => Promise<string>;
  /** Skip validating the generated stack (tests of rendering alone). */
  skipValidation?: boolean;
  /** Set false to skip proving the spec's own criteria against the stack (`check` does it itself). */
  checkCriteria?: boolean;
}

/**
 * Correct by construction: the stack must not violate the spec's own success criteria
 * (for example a criterion requesting a path no route serves). Each violated criterion is an error.
 */
function criteriaProblems(spec: TrafficSpec, plan: TrafficPlan, manifests: Manifest[], file?: string): Diagnostic[] {
  if (!spec.criteria.length) return [];
  const report = checkCriteria(spec.criteria, manifests, {
    plan,
    services: spec.services.map((s) => `${spec.namespace}/${s.name}`),
  });
  return report.criteria
    .filter((c) => c.verdict === 'violated')
    .map((c) => ({
      code: 'generate/criterion-violated',
      severity: 'error' as const,
      ...(file ? { file } : {}),
      path: `criteria.${c.id}`,
      message: `the generated stack would violate ${c.id} (${c.title}): ${c.checks
        .filter((k) => k.verdict === 'violated')
        .map((k) => k.explanation)
        .join('; ')}`,
      hint: 'make the spec consistent with its criteria: add the route, name or limit the criterion expects (see `traffic-engineer check`)',
    }));
}

/**
 * References generate cannot see by design: the app's Services and Deployment and the GatewayClass live
 * outside the stack (preflight and dry-run check them against the cluster).
 */
const OUTSIDE_THE_STACK = ['ref/gateway-class', 'ref/backend-service', 'ref/scale-target'];

export interface GenerateResult {
  ok: boolean;
  /** True when the input itself could not be read (CLI exit 2). */
  inputError?: boolean;
  spec?: TrafficSpec;
  plan?: TrafficPlan;
  manifests: Manifest[];
  diagnostics: Diagnostic[];
}

/** Spec (object or file) → plan → manifests in apply order, with every diagnostic on the way. */
export async function generate(input: GenerateInput, opts: GenerateOptions = {}): Promise<GenerateResult> {
  const loaded = await loadSpecInput(input, opts.readStdin);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  if (loaded.inputError) return { ok: false, inputError: true, manifests: [], diagnostics };
  const spec = loaded.spec;
  if (!spec || hasErrors(diagnostics)) return { ok: false, manifests: [], diagnostics };
  const { plan, diagnostics: planDiags } = normalize(spec);
  const specFile = input.specPath === '-' ? '<stdin>' : input.specPath;
  diagnostics.push(...planDiags.map((d) => (specFile && !d.file ? { ...d, file: specFile } : d)));
  if (hasErrors(planDiags)) return { ok: false, spec, plan, manifests: [], diagnostics };
  const rendered = await renderPlan(plan, {
    templatesDir: input.templatesDir,
    tlsMaterial: opts.tlsMaterial,
    now: opts.now,
  });
  diagnostics.push(...rendered.diagnostics);
  if (!opts.skipValidation && !hasErrors(rendered.diagnostics)) {
    // generate runs the same validation as `validate` on its own output.
    const crds = await resolveCrds(input.crds ?? []);
    diagnostics.push(...crds.diagnostics);
    const report = validateDocs(docsFromObjects(rendered.manifests, '<generated>'), {
      crds: crds.set,
      envoyReplicas: spec.gateway.envoyReplicas,
      disable: OUTSIDE_THE_STACK,
      ...(opts.now ? { now: opts.now } : {}),
    });
    diagnostics.push(...report.diagnostics);
  }
  if (opts.checkCriteria !== false && !hasErrors(diagnostics))
    diagnostics.push(...criteriaProblems(spec, plan, rendered.manifests, specFile));
  return { ok: !hasErrors(diagnostics), spec, plan, manifests: rendered.manifests, diagnostics };
}
