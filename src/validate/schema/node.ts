import type { CompiledRule } from './cel/rule.js';

export type SchemaType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';

/**
 * One OpenAPI v3 schema node of a CRD version, pre-digested once so that validating a
 * document never re-reads the raw schema: regexes compiled, enums hashed, property names
 * escaped for CEL, CEL rules wrapped for lazy one-time compilation.
 */
export interface SchemaNode {
  type?: SchemaType;
  nullable: boolean;
  properties?: Map<string, SchemaNode>;
  /** CEL name of each property (`namespace` → `__namespace__`, `-` → `__dash__`, ...). */
  celNames?: Map<string, string>;
  required?: readonly string[];
  /** Schema of map values (`additionalProperties: {...}`). */
  additional?: SchemaNode;
  /** `additionalProperties: true`. */
  additionalAny?: boolean;
  items?: SchemaNode;
  enumKeys?: Set<string>;
  enumText?: string;
  pattern?: RegExp;
  patternSource?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  multipleOf?: number;
  hasDefault: boolean;
  default?: unknown;
  intOrString: boolean;
  preserveUnknown: boolean;
  embedded: boolean;
  /** This node is a resource's `metadata` (root or embedded): ObjectMeta rules apply. */
  objectMeta?: boolean;
  /** Name check for an objectMeta node (default: RFC 1123 subdomain). */
  nameErrors?: (name: string) => string[];
  /** `status` of a CRD with the status subresource: ignored on create. */
  ignored?: boolean;
  listType?: 'atomic' | 'set' | 'map';
  mapKeys?: readonly string[];
  rules?: CompiledRule[];
  allOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  not?: SchemaNode;
  /** This node or an ancestor carries CEL rules: build the CEL view of its value. */
  celView: boolean;
}
