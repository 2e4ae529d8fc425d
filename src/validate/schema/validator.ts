import { type Diagnostic, formatPath } from '../../model/diagnostic.js';
import { groupOf, refOf, type SourceDoc, versionOf } from '../../model/manifest.js';
import type { CrdSet, CrdVersion } from '../crds/crd-set.js';
import { runCelTask } from './cel/evaluate.js';
import { compileSchema } from './compile.js';
import { type Finding, newState } from './findings.js';
import type { SchemaNode } from './node.js';
import { walk } from './walk.js';

export interface SchemaValidator {
  /** Diagnostics for one document; empty when valid or not covered. */
  validate(doc: SourceDoc): Diagnostic[];
  /** True when some CRD in the set defines this group/kind (whatever the version). */
  covers(apiVersion: string, kind: string): boolean;
}

const BLOCKED_CEL =
  'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';

/** Ties findings to the document: resource, formatted path, file, line and column. */
export function locateFindings(doc: SourceDoc, findings: readonly Finding[]): Diagnostic[] {
  const resource = refOf(doc.object);
  return findings.map((f) => {
    const d: Diagnostic = { code: f.code, severity: f.severity, resource, message: f.message };
    if (f.path.length > 0) d.path = formatPath(f.path);
    if (f.hint) d.hint = f.hint;
    if (doc.file) d.file = doc.file;
    const pos = doc.positionOf(f.path);
    if (pos) {
      d.line = pos.line;
      d.column = pos.column;
    }
    return d;
  });
}

/**
 * Validates one object against a compiled schema: structural walk (defaults, strict fields,
 * ObjectMeta, list types), then the CEL rules unless a type/enum error blocks them (as the
 * API server does). Returns raw findings.
 */
export function validateObject(root: SchemaNode, object: unknown): Finding[] {
  const st = newState();
  walk(root, object, st);
  const findings = st.findings;
  if (st.tasks.length > 0) {
    if (st.blocking) {
      findings.push({
        code: 'cel/skipped',
        severity: 'info',
        path: [],
        message: BLOCKED_CEL,
        hint: 'fix the type and enum errors above, then validate again',
      });
    } else {
      for (const t of st.tasks) runCelTask(t, findings);
    }
  }
  return findings;
}

/**
 * A validator that checks documents against the CRDs of `crds` as the API server would:
 * structural schema, defaults, unknown fields (strict), ObjectMeta, list types, CEL rules.
 * Each CRD version's schema is compiled once, on first use, and cached in the validator.
 */
export function createSchemaValidator(crds: CrdSet): SchemaValidator {
  const cache = new Map<CrdVersion, SchemaNode>();
  const compiled = (v: CrdVersion): SchemaNode => {
    let node = cache.get(v);
    if (!node) {
      node = compileSchema(v.schema, { ignoreStatus: v.statusSubresource });
      cache.set(v, node);
    }
    return node;
  };

  return {
    covers(apiVersion, kind) {
      return crds.hasKind(groupOf(apiVersion), kind);
    },
    validate(doc) {
      const o = doc.object;
      const group = groupOf(o.apiVersion);
      const entry = crds.get(group, versionOf(o.apiVersion), o.kind);
      if (!entry) {
        if (!crds.hasKind(group, o.kind)) return [];
        const served = crds.versionsOf(group, o.kind);
        return locateFindings(doc, [
          {
            code: 'schema/unknown-version',
            severity: 'error',
            path: ['apiVersion'],
            message: `no matches for kind "${o.kind}" in version "${o.apiVersion}"`,
            hint: `served versions: ${served.map((v) => `${group}/${v}`).join(', ')}`,
          },
        ]);
      }
      return locateFindings(doc, validateObject(compiled(entry), o));
    },
  };
}
