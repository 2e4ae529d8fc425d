import * as z from 'zod';
import { type Diagnostic, hasErrors } from '../model/diagnostic.js';
import { docsFromObjects } from '../model/load-yaml.js';
import type { Manifest } from '../model/manifest.js';
import { renderPlan } from '../render/render.js';
import type { TlsMaterialProvider } from '../render/tls.js';
import { checkSpecObject } from '../spec/load.js';
import { loadSpecText } from '../spec/load-text.js';
import { normalize } from '../spec/plan/normalize.js';
import type { TrafficPlan } from '../spec/plan/types.js';
import { TrafficSpec } from '../spec/schema/spec.js';
import { validateDocs } from '../validate/validate.js';
import { readInputFile } from './read-input.js';
import { resolveCrds } from './validate.js';

/** Input of `generate`, shared by the CLI and the MCP tools. */
export const GenerateInput = z.object({
  spec: TrafficSpec.optional().describe('The TrafficSpec object (give this or specPath).'),
  specPath: z.string().optional().describe('Path of a YAML or markdown traffic spec (give this or spec).'),
  templatesDir: z
    .string()
    .optional()
    .describe('Directory whose <name>.yaml.njk files override the built-in templates.'),
  crds: z
    .array(z.string())
    .default([])
    .describe('CRD files/directories to validate the output against; default: the `crds pull` cache, if any'),
});
export type GenerateInput = z.input<typeof GenerateInput>;

export interface GenerateOptions {
  tlsMaterial?: TlsMaterialProvider;
  now?: Date;
  readStdin?: () => Promise<string>;
  /** Skip validating the generated stack (tests of rendering alone). */
  skipValidation?: boolean;
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
  let spec: TrafficSpec | undefined;
  const diagnostics: Diagnostic[] = [];
  if (input.specPath) {
    const read = await readInputFile(input.specPath, opts.readStdin);
    if (!read.ok) return { ok: false, inputError: true, manifests: [], diagnostics: [read.diagnostic] };
    const loaded = loadSpecText(read.text, read.file);
    diagnostics.push(...loaded.diagnostics);
    spec = loaded.spec;
  } else if (input.spec) {
    const loaded = checkSpecObject(input.spec);
    diagnostics.push(...loaded.diagnostics);
    spec = loaded.spec;
  } else {
    return {
      ok: false,
      inputError: true,
      manifests: [],
      diagnostics: [{ code: 'input/missing', severity: 'error', message: 'give a spec object or a spec file path' }],
    };
  }
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
  return { ok: !hasErrors(diagnostics), spec, plan, manifests: rendered.manifests, diagnostics };
}
