/** A CEL runtime error raised by a library function on bad input: the API server rejects the object. */
export class CelRuntimeError extends Error {
  readonly code = 'invalid_argument';
}
