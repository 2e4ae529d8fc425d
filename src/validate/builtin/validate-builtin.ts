import type { Diagnostic } from '../../model/diagnostic.js';
import { groupOf, refOf, type SourceDoc } from '../../model/manifest.js';
import { compileSchema } from '../schema/compile.js';
import type { SchemaNode } from '../schema/node.js';
import { locateFindings, validateObject } from '../schema/validator.js';
import type { BuiltinKind, BuiltinOptions } from './kind.js';
import { configMapKind } from './kinds/configmap.js';
import { deploymentKind } from './kinds/deployment.js';
import { hpaKind } from './kinds/hpa.js';
import { namespaceKind } from './kinds/namespace.js';
import { secretKind } from './kinds/secret.js';
import { serviceKind } from './kinds/service.js';

/** The core kinds checked without CRDs. */
export const BUILTIN_KINDS: readonly BuiltinKind[] = [
  namespaceKind,
  secretKind,
  serviceKind,
  deploymentKind,
  hpaKind,
  configMapKind,
];

const byKey = new Map(BUILTIN_KINDS.map((k) => [`${k.apiVersion}/${k.kind}`, k]));
const compiled = new Map<BuiltinKind, SchemaNode>();

function schemaOf(k: BuiltinKind): SchemaNode {
  let node = compiled.get(k);
  if (!node) {
    node = compileSchema(k.schema, { ignoreStatus: true, nameErrors: k.nameErrors });
    compiled.set(k, node);
  }
  return node;
}

/**
 * Checks a core object (Namespace, Secret incl. TLS certificate/key, Service, Deployment,
 * autoscaling/v2 HorizontalPodAutoscaler, ConfigMap) without CRDs: the fields traffic-engineer
 * models, strictly (unknown fields are errors), plus the API server's semantic checks for them.
 * Returns undefined when the kind is not covered.
 */
export function validateBuiltin(doc: SourceDoc, opts: BuiltinOptions = {}): Diagnostic[] | undefined {
  const o = doc.object;
  const kind = byKey.get(`${o.apiVersion}/${o.kind}`);
  if (!kind) {
    if (groupOf(o.apiVersion) === 'autoscaling' && o.kind === 'HorizontalPodAutoscaler') {
      return locateFindings(doc, [
        {
          code: 'schema/unknown-version',
          severity: 'warning',
          path: ['apiVersion'],
          message: `${o.apiVersion} HorizontalPodAutoscaler is not checked; only autoscaling/v2 is`,
          hint: 'use apiVersion: autoscaling/v2 (autoscaling/v2beta2 was removed in Kubernetes 1.26)',
        },
      ]);
    }
    return undefined;
  }
  const findings = validateObject(schemaOf(kind), o);
  if (kind.check && !findings.some((f) => f.severity === 'error')) findings.push(...kind.check(o, opts));
  return locateFindings(doc, findings);
}

/** True when `validateBuiltin` covers this apiVersion/kind. */
export function builtinCovers(apiVersion: string, kind: string): boolean {
  return byKey.has(`${apiVersion}/${kind}`);
}

/**
 * Info diagnostic for a custom resource whose CRD was not available: its schema and CEL rules
 * were not checked. Say how to enable that.
 */
export function crdValidationSkipped(doc: SourceDoc): Diagnostic {
  const o = doc.object;
  const d: Diagnostic = {
    code: 'schema/crd-not-loaded',
    severity: 'info',
    resource: refOf(o),
    message: `${o.kind} (${o.apiVersion}) was not checked against its CRD schema and CEL rules: no CRD for it was loaded`,
    hint: 'run `traffic-engineer crds pull` once, or pass --crds DIR (a directory of CRD YAML), or --crds cluster',
  };
  if (doc.file) d.file = doc.file;
  const pos = doc.positionOf(['kind']);
  if (pos) {
    d.line = pos.line;
    d.column = pos.column;
  }
  return d;
}
