export { celEnvironment } from './cel/environment.js';
export { parseQuantity } from './cel/lib-quantity.js';
export { type CompileOptions, compileSchema } from './compile.js';
export { didYouMean, levenshtein } from './did-you-mean.js';
export { escapeCelProperty } from './escape.js';
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
export { createSchemaValidator, type SchemaValidator } from './validator.js';
