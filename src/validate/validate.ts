import { countBySeverity, type Diagnostic } from '../model/diagnostic.js';
import type { SourceDoc } from '../model/manifest.js';
import { builtinCovers, crdValidationSkipped, validateBuiltin } from './builtin/index.js';
import type { CrdSet } from './crds/index.js';
import { compareDiagnostics, type RunRulesOptions, runRules } from './rules/index.js';
import { createSchemaValidator, type SchemaValidator } from './schema/index.js';

export interface ValidateDocsOptions extends RunRulesOptions {
  /** CRDs to check custom resources against. Without them only built-in kinds get a schema check. */
  crds?: CrdSet;
}

export interface ValidationReport {
  diagnostics: Diagnostic[];
  summary: { errors: number; warnings: number; infos: number };
  /** How each document's schema was checked. */
  coverage: { crd: number; builtin: number; unchecked: number };
}

// One compiled validator per CRD set: schemas are compiled once, not per call or per document.
const validators = new WeakMap<CrdSet, SchemaValidator>();
function validatorFor(crds: CrdSet): SchemaValidator {
  let v = validators.get(crds);
  if (!v) {
    v = createSchemaValidator(crds);
    validators.set(crds, v);
  }
  return v;
}

/**
 * Validates documents as the API server, the controllers and KEDA's webhook would: the CRD schema and
 * CEL rules (or the built-in schemas of core kinds), then the cross-resource rules, KEDA rules and lints.
 */
export function validateDocs(docs: readonly SourceDoc[], opts: ValidateDocsOptions = {}): ValidationReport {
  const diagnostics: Diagnostic[] = [];
  const coverage = { crd: 0, builtin: 0, unchecked: 0 };
  const validator = opts.crds && opts.crds.size > 0 ? validatorFor(opts.crds) : undefined;
  const skipped: SourceDoc[] = [];
  for (const doc of docs) {
    const { apiVersion, kind } = doc.object;
    if (validator?.covers(apiVersion, kind)) {
      coverage.crd++;
      diagnostics.push(...validator.validate(doc));
    } else if (builtinCovers(apiVersion, kind)) {
      coverage.builtin++;
      diagnostics.push(...(validateBuiltin(doc, { now: opts.now }) ?? []));
    } else {
      coverage.unchecked++;
      skipped.push(doc);
    }
  }
  if (skipped.length) {
    // One note for the whole run rather than one per document: what was not checked and how to enable it.
    const first = crdValidationSkipped(skipped[0]);
    const kinds = [...new Set(skipped.map((d) => d.object.kind))];
    diagnostics.push({
      ...first,
      code: 'validate/crd-validation-not-run',
      resource: undefined,
      message: `full CRD validation (schema and CEL rules) was not run for ${skipped.length} document(s) of kind ${kinds.join(', ')}: no CRD for them was loaded`,
    });
  }
  diagnostics.push(...runRules(docs, opts));
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, summary: countBySeverity(diagnostics), coverage };
}
