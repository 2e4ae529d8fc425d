export { celEnvironment } from './cel/environment.js';
export { runCelTask } from './cel/evaluate.js';
export { parseQuantity } from './cel/lib-quantity.js';
export { SCHEMA_DIAGNOSTIC_CODES } from './codes.js';
export { type CompileOptions, compileSchema } from './compile.js';
export { didYouMean, levenshtein } from './did-you-mean.js';
export { escapeCelProperty } from './escape.js';
export { type CelTask, type Finding, newState, type WalkState } from './findings.js';
export { checkFormat } from './formats.js';
export {
  dns1035LabelErrors,
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  labelValueErrors,
  qualifiedNameErrors,
} from './k8s-names.js';
export { checkObjectMeta, OBJECT_META_FIELDS, type ObjectMetaOptions } from './metadata.js';
export type { SchemaNode, SchemaType } from './node.js';
export { createSchemaValidator, locateFindings, type SchemaValidator, validateObject } from './validator.js';
export { walk } from './walk.js';
