import { compileRule } from './cel/rule.js';
import { escapeCelProperty } from './escape.js';
import type { SchemaNode, SchemaType } from './node.js';

type Raw = Record<string, unknown>;

const TYPES = new Set<SchemaType>(['object', 'array', 'string', 'integer', 'number', 'boolean']);

export interface CompileOptions {
  /** Ignore `status` (the status subresource is enabled). */
  ignoreStatus?: boolean;
  /** How `metadata.name` is checked (default: RFC 1123 subdomain, as for custom resources). */
  nameErrors?: (name: string) => string[];
}

/** Compiles the `openAPIV3Schema` of one CRD version. Pure; call once per version and cache. */
export function compileSchema(schema: Raw | undefined, options: CompileOptions = {}): SchemaNode {
  const root = compileNode(schema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, false);
  markResource(root);
  for (const k of ['apiVersion', 'kind']) {
    if (!root.properties?.has(k)) root.properties?.set(k, compileNode({ type: 'string' }, root.celView));
    root.celNames?.set(k, k);
  }
  const meta = root.properties?.get('metadata');
  if (meta && options.nameErrors) meta.nameErrors = options.nameErrors;
  if (options.ignoreStatus) {
    const status = root.properties?.get('status');
    if (status) status.ignored = true;
  }
  return root;
}

/** `metadata` of a resource (root or embedded) follows ObjectMeta rules. */
function markResource(node: SchemaNode): void {
  if (!node.properties) node.properties = new Map();
  if (!node.celNames) node.celNames = new Map();
  const props = node.properties;
  const meta = props.get('metadata') ?? compileNode({ type: 'object' }, node.celView);
  meta.objectMeta = true;
  props.set('metadata', meta);
  node.celNames.set('metadata', 'metadata');
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function compileRegex(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    try {
      return new RegExp(source, 'u');
    } catch {
      return undefined;
    }
  }
}

function compileNode(raw: Raw, parentCel: boolean): SchemaNode {
  const rawRules = raw['x-kubernetes-validations'];
  const rules = Array.isArray(rawRules) ? rawRules.map((r) => compileRule(r as Raw)) : undefined;
  const celView = parentCel || (rules !== undefined && rules.length > 0);
  const type = TYPES.has(raw.type as SchemaType) ? (raw.type as SchemaType) : undefined;
  const node: SchemaNode = {
    type,
    nullable: raw.nullable === true,
    hasDefault: 'default' in raw,
    default: raw.default,
    intOrString: raw['x-kubernetes-int-or-string'] === true,
    preserveUnknown: raw['x-kubernetes-preserve-unknown-fields'] === true,
    embedded: raw['x-kubernetes-embedded-resource'] === true,
    celView,
  };
  if (rules && rules.length > 0) node.rules = rules;
  if (raw.properties && typeof raw.properties === 'object') {
    node.properties = new Map();
    node.celNames = new Map();
    for (const [k, v] of Object.entries(raw.properties as Record<string, Raw>)) {
      node.properties.set(k, compileNode(v, celView));
      node.celNames.set(k, escapeCelProperty(k));
    }
  }
  if (Array.isArray(raw.required)) node.required = raw.required as string[];
  if (raw.additionalProperties === true) node.additionalAny = true;
  else if (raw.additionalProperties && typeof raw.additionalProperties === 'object') {
    node.additional = compileNode(raw.additionalProperties as Raw, celView);
  }
  if (raw.items && typeof raw.items === 'object' && !Array.isArray(raw.items)) {
    node.items = compileNode(raw.items as Raw, celView);
  }
  if (Array.isArray(raw.enum)) {
    node.enumKeys = new Set(raw.enum.map((e) => JSON.stringify(e)));
    node.enumText = raw.enum.map((e) => JSON.stringify(e)).join(', ');
  }
  if (typeof raw.pattern === 'string') {
    node.patternSource = raw.pattern;
    node.pattern = compileRegex(raw.pattern);
  }
  if (typeof raw.format === 'string') node.format = raw.format;
  node.minLength = num(raw.minLength);
  node.maxLength = num(raw.maxLength);
  node.minItems = num(raw.minItems);
  node.maxItems = num(raw.maxItems);
  node.minProperties = num(raw.minProperties);
  node.maxProperties = num(raw.maxProperties);
  node.minimum = num(raw.minimum);
  node.maximum = num(raw.maximum);
  node.exclusiveMinimum = raw.exclusiveMinimum === true;
  node.exclusiveMaximum = raw.exclusiveMaximum === true;
  node.multipleOf = num(raw.multipleOf);
  const lt = raw['x-kubernetes-list-type'];
  if (lt === 'set' || lt === 'map' || lt === 'atomic') node.listType = lt;
  if (Array.isArray(raw['x-kubernetes-list-map-keys'])) node.mapKeys = raw['x-kubernetes-list-map-keys'] as string[];
  for (const j of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (Array.isArray(raw[j])) node[j] = (raw[j] as Raw[]).map((s) => compileNode(s, false));
  }
  if (raw.not && typeof raw.not === 'object') node.not = compileNode(raw.not as Raw, false);
  if (node.embedded) markResource(node);
  return node;
}
