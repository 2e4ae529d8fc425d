export type { BuiltinKind, BuiltinOptions } from './kind.js';
export { EXPIRY_WARNING_DAYS, tlsSecretFindings } from './kinds/tls-secret.js';
export { BUILTIN_KINDS, builtinCovers, crdValidationSkipped, validateBuiltin } from './validate-builtin.js';
