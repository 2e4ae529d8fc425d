/**
 * The Kubernetes `Status` object returned with every API error
 * (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/ and
 * https://kubernetes.io/docs/reference/using-api/api-concepts/#api-errors).
 */
export interface StatusCause {
  /** `FieldValueNotSupported`, `FieldValueRequired`, `FieldValueInvalid`, … */
  reason?: string;
  message?: string;
  /** Field path in the object, e.g. `spec.rules[0].matches[0].path.type`. */
  field?: string;
}

export interface ApiFailure {
  /** HTTP status code (422 for Invalid, 404 NotFound, 409 Conflict, …). */
  status: number;
  /** `Invalid`, `NotFound`, `Conflict`, `Forbidden`, `BadRequest`, … */
  reason: string;
  message: string;
  causes: StatusCause[];
}

/** Reads a Status object (or anything else the server sent) into an ApiFailure. */
export function toApiFailure(status: number, body: unknown, text = ''): ApiFailure {
  if (body && typeof body === 'object' && (body as { kind?: string }).kind === 'Status') {
    const s = body as { reason?: string; message?: string; details?: { causes?: StatusCause[] } };
    return {
      status,
      reason: s.reason ?? 'Unknown',
      message: s.message ?? `HTTP ${status}`,
      causes: Array.isArray(s.details?.causes) ? s.details.causes : [],
    };
  }
  return {
    status,
    reason: status === 404 ? 'NotFound' : 'Unknown',
    message: text.trim().slice(0, 500) || `HTTP ${status}`,
    causes: [],
  };
}
