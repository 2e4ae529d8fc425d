/** Tiny helpers to write the built-in OpenAPI schemas compactly. */
export type Schema = Record<string, unknown>;

export const str = (extra: Schema = {}): Schema => ({ type: 'string', ...extra });
export const int = (extra: Schema = {}): Schema => ({ type: 'integer', ...extra });
export const bool = (): Schema => ({ type: 'boolean' });
export const intOrString = (extra: Schema = {}): Schema => ({ 'x-kubernetes-int-or-string': true, ...extra });
export const arr = (items: Schema, extra: Schema = {}): Schema => ({ type: 'array', items, ...extra });
export const strMap = (): Schema => ({ type: 'object', additionalProperties: { type: 'string' } });
/** An object whose inner fields are not modelled: anything is accepted inside. */
export const opaque = (): Schema => ({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true });
export const obj = (properties: Record<string, Schema>, extra: Schema = {}): Schema => ({
  type: 'object',
  properties,
  ...extra,
});
export const port = (): Schema => int({ minimum: 1, maximum: 65535 });
/** IANA service name (port names): at most 15 characters, lower-case letters, digits and '-', at least one letter. */
export const portName = (): Schema => str({ maxLength: 15, pattern: '^(?=.*[a-z])[a-z0-9]([-a-z0-9]*[a-z0-9])?$' });
/** A port number or a named port (targetPort, probe ports). */
export const portOrName = (): Schema =>
  intOrString({ minimum: 1, maximum: 65535, maxLength: 15, pattern: '^(?=.*[a-z])[a-z0-9]([-a-z0-9]*[a-z0-9])?$' });
export const protocol = (): Schema => str({ enum: ['TCP', 'UDP', 'SCTP'] });

/** Quantity (`100m`, `1Gi`, 2): the API server's quantity pattern. */
export const quantity = (): Schema =>
  intOrString({
    pattern:
      '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$',
  });

/** Root of a built-in kind: apiVersion, kind, metadata plus the given top-level fields. */
export const resource = (properties: Record<string, Schema>, extra: Schema = {}): Schema =>
  obj({ apiVersion: str(), kind: str(), metadata: { type: 'object' }, ...properties }, extra);
