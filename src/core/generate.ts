import * as z from 'zod';
import { type Diagnostic, hasErrors } from '../model/diagnostic.js';
import type { Manifest } from '../model/manifest.js';
import { renderPlan } from '../render/render.js';
import type { TlsMaterialProvider } from '../render/tls.js';
import { checkSpecObject } from '../spec/load.js';
import { loadSpecText } from '../spec/load-text.js';
import { normalize } from '../spec/plan/normalize.js';
import type { TrafficPlan } from '../spec/plan/types.js';
import { TrafficSpec } from '../spec/schema/spec.js';
import { readInputFile } from './read-input.js';

/** Input of `generate`, shared by the CLI and the MCP tools. */
export const GenerateInput = z.object({
  spec: TrafficSpec.optional().describe('The TrafficSpec object (give this or specPath).'),
  specPath: z.string().optional().describe('Path of a YAML or markdown traffic spec (give this or spec).'),
  templatesDir: z
    .string()
    .optional()
    .describe('Directory whose <name>.yaml.njk files override the built-in templates.'),
});
export type GenerateInput = z.infer<typeof GenerateInput>;

export interface GenerateOptions {
  tlsMaterial?: TlsMaterialProvider;
  now?: Date;
  readStdin?: () => Promise<string>;
}

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
  diagnostics.push(...planDiags);
  if (hasErrors(planDiags)) return { ok: false, spec, plan, manifests: [], diagnostics };
  const rendered = await renderPlan(plan, {
    templatesDir: input.templatesDir,
    tlsMaterial: opts.tlsMaterial,
    now: opts.now,
  });
  diagnostics.push(...rendered.diagnostics);
  return { ok: !hasErrors(diagnostics), spec, plan, manifests: rendered.manifests, diagnostics };
}
