import type { Diagnostic, PathSegment, Severity } from '../../model/diagnostic.js';
import { formatPath } from '../../model/diagnostic.js';
import { type Manifest, refOf, type SourceDoc } from '../../model/manifest.js';

/** Options a caller may pass to the rules. Every field is optional; absent means "unknown". */
export interface RuleOptions {
  /** Objects read from the connected cluster. When given, a missing reference is an error, not a warning. */
  clusterObjects?: readonly Manifest[];
  /** Number of Envoy proxy replicas serving the Gateways (local rate limits and circuit breakers are per replica). */
  envoyReplicas?: number;
  /** Concurrent in-flight requests the backends are expected to absorb at peak (for circuit-breaker lints). */
  expectedConcurrency?: number;
  /** Namespace for documents without `metadata.namespace` (what `kubectl apply` would use). Default `default`. */
  defaultNamespace?: string;
  /** Clock for certificate expiry checks. Default: now. */
  now?: Date;
  /**
   * Severity of "referenced object not in the set" when not connected. Default `warning`. `generate` may pass
   * `info` for the objects a generated stack expects to exist already (the user's Services and Deployments).
   */
  missingReferenceSeverity?: Severity;
}

/** One object known to the rules, from the validated set or from the cluster. */
export interface Entry {
  object: Manifest;
  /** The source document, when the object is part of the validated set. */
  doc?: SourceDoc;
  /** True when the object came from `clusterObjects`. */
  fromCluster: boolean;
  /** Effective namespace (defaulted), undefined for cluster-scoped kinds. */
  namespace?: string;
  name: string;
}

/** Indexed, read-only view of the documents being validated plus optional cluster objects. */
export interface RuleContext {
  readonly docs: readonly SourceDoc[];
  readonly options: Readonly<RuleOptions>;
  /** True when the caller supplied cluster objects. */
  readonly connected: boolean;
  /** Documents of the validated set with this kind (optionally restricted to an API group). */
  ofKind(kind: string, group?: string): Entry[];
  /** Objects of this kind from the set and then the cluster (set wins on duplicates). */
  allOfKind(kind: string, group?: string): Entry[];
  /** Looks an object up in the set, then in the cluster. `namespace` is ignored for cluster-scoped kinds. */
  find(kind: string, namespace: string | undefined, name: string, group?: string): Entry | undefined;
  /** Effective namespace of an object (metadata.namespace, else the default), undefined when cluster-scoped. */
  namespaceOf(object: Manifest): string | undefined;
  /** Severity for "referenced object not found": an error when connected, else `missingReferenceSeverity` (default warning: it may exist in the cluster). */
  missingSeverity(): Severity;
}

/** Documentation of a rule, shown in reports and SARIF rule metadata. */
export interface RuleDocs {
  description: string;
  url?: string;
}

/** A validation rule in the typescript-eslint style: one file, one stable code, a doc line, a pure check. */
export interface Rule {
  /** Stable code, `area/kebab-name`; every diagnostic the rule emits carries it. */
  id: string;
  /** Default severity of its findings (a finding may override it). */
  severity: Severity;
  docs: RuleDocs;
  check(ctx: RuleContext): Diagnostic[];
}

const origin = new WeakMap<Diagnostic, Entry>();

/** The entry a diagnostic was reported on (used by runRules to fill file/line/column). */
export function entryOf(d: Diagnostic): Entry | undefined {
  return origin.get(d);
}

export interface FindingInit {
  message: string;
  hint?: string;
  severity?: Severity;
}

/** Builds a diagnostic for `rule` about `entry` at `path`, remembering the entry for source positions. */
export function finding(
  rule: Rule,
  entry: Entry,
  path: readonly PathSegment[] | string,
  init: FindingInit,
): Diagnostic {
  const d: Diagnostic = {
    code: rule.id,
    severity: init.severity ?? rule.severity,
    resource: refOf(entry.object),
    path: typeof path === 'string' ? path : formatPath(path),
    message: init.message,
  };
  if (init.hint) d.hint = init.hint;
  origin.set(d, entry);
  return d;
}

const memo = new WeakMap<RuleContext, Map<string, unknown>>();

/** Computes a value once per context (indexes shared by several rules keep the run linear in the number of documents). */
export function cached<T>(ctx: RuleContext, key: string, compute: () => T): T {
  let m = memo.get(ctx);
  if (!m) {
    m = new Map();
    memo.set(ctx, m);
  }
  if (!m.has(key)) m.set(key, compute());
  return m.get(key) as T;
}
