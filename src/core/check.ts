/**
 * `check`: prove the spec's success criteria from the configuration alone — the stack generated
 * from the spec, or the `configPaths` manifests when given (e.g. hand-written or tutorial YAML).
 */
import * as z from 'zod';
import { checkCriteria, type StaticOptions, type StaticReport } from '../criteria/static/index.js';
import { type Diagnostic, hasErrors } from '../model/diagnostic.js';
import { parseManifestStream } from '../model/load-yaml.js';
import type { Manifest } from '../model/manifest.js';
import { checkSpecObject } from '../spec/load.js';
import { loadSpecText } from '../spec/load-text.js';
import { normalize } from '../spec/plan/normalize.js';
import type { TrafficPlan } from '../spec/plan/types.js';
import { TrafficSpec } from '../spec/schema/spec.js';
import { type GenerateOptions, generate } from './generate.js';
import { readInputFile } from './read-input.js';

export const CheckInput = z.object({
  spec: TrafficSpec.optional().describe('The TrafficSpec object (give this or specPath).'),
  specPath: z.string().optional().describe('Path of a YAML or markdown traffic spec (give this or spec).'),
  configPaths: z
    .array(z.string())
    .optional()
    .describe('Check these manifests (YAML files, - for stdin) instead of the stack generated from the spec.'),
  envoyReplicas: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe("Envoy replicas assumed for local limits (default: the spec's gateway.envoyReplicas, else 1)."),
  rateLimitService: z
    .boolean()
    .optional()
    .describe('Whether the EnvoyGateway config enables the rate-limit service needed by global limits (default true).'),
});
export type CheckInput = z.infer<typeof CheckInput>;

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

async function readConfigs(
  paths: readonly string[],
  readStdin?: () => Promise<string>,
): Promise<{ manifests: Manifest[]; diagnostics: Diagnostic[] }> {
  const manifests: Manifest[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const p of paths) {
    const read = await readInputFile(p, readStdin);
    if (!read.ok) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    const parsed = parseManifestStream(read.text, read.file);
    diagnostics.push(...parsed.diagnostics);
    manifests.push(...parsed.docs.map((d) => d.object));
  }
  return { manifests, diagnostics };
}

interface Loaded {
  inputError?: boolean;
  spec?: TrafficSpec;
  plan?: TrafficPlan;
  diagnostics: Diagnostic[];
}

/** Spec → plan without rendering (no TLS material is made when the stack comes from --config). */
async function loadPlan(input: CheckInput, readStdin?: () => Promise<string>): Promise<Loaded> {
  let loaded: { spec?: TrafficSpec; diagnostics: Diagnostic[] };
  if (input.specPath) {
    const read = await readInputFile(input.specPath, readStdin);
    if (!read.ok) return { inputError: true, diagnostics: [read.diagnostic] };
    loaded = loadSpecText(read.text, read.file);
  } else if (input.spec) loaded = checkSpecObject(input.spec);
  else
    return {
      inputError: true,
      diagnostics: [{ code: 'input/missing', severity: 'error', message: 'give a spec object or a spec file path' }],
    };
  if (!loaded.spec || hasErrors(loaded.diagnostics)) return { diagnostics: loaded.diagnostics };
  const n = normalize(loaded.spec);
  const diagnostics = [...loaded.diagnostics, ...n.diagnostics];
  return hasErrors(n.diagnostics) ? { diagnostics } : { spec: loaded.spec, plan: n.plan, diagnostics };
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
    const read = await readConfigs(input.configPaths ?? [], opts.readStdin);
    diagnostics.push(...read.diagnostics);
    if (hasErrors(read.diagnostics)) return { ok: false, inputError: true, manifests: [], diagnostics };
    if (!l.spec || !l.plan) return { ok: false, manifests: [], diagnostics };
    ({ spec, plan } = l);
    manifests = read.manifests;
    source = (input.configPaths ?? []).join(', ');
  } else {
    const g = await generate({ spec: input.spec, specPath: input.specPath }, opts);
    diagnostics.push(...g.diagnostics);
    if (g.inputError) return { ok: false, inputError: true, manifests: [], diagnostics };
    if (!g.ok || !g.spec || !g.plan) return { ok: false, manifests: [], diagnostics };
    ({ spec, plan, manifests } = g);
  }
  if (!spec || !plan) return { ok: false, manifests: [], diagnostics };
  const theSpec = spec;
  const report = checkCriteria(spec.criteria, manifests, {
    plan,
    envoyReplicas: input.envoyReplicas,
    rateLimitService: input.rateLimitService,
    services: theSpec.services.map((s) => `${theSpec.namespace}/${s.name}`),
    validate: opts.validate,
    now: opts.now,
  });
  return { ok: report.summary.violated === 0, report, source, manifests, diagnostics };
}
