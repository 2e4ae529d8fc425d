/**
 * Operational failures of a probe (connection refused, timeout, unparsable answer).
 * These are I/O errors, so they are thrown; callers in `criteria/` turn them into verdicts.
 */
export class ProbeError extends Error {
  /** Stable code, `probe/<kebab-name>`, e.g. `probe/timeout`, `probe/connection-refused`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProbeError';
    this.code = code;
  }
}

/** Maps a Node socket error to a `ProbeError` with a stable code. */
export function probeErrorFrom(err: unknown, what: string): ProbeError {
  if (err instanceof ProbeError) return err;
  const e = err as NodeJS.ErrnoException;
  const byErrno: Record<string, string> = {
    ECONNREFUSED: 'probe/connection-refused',
    ECONNRESET: 'probe/connection-reset',
    ENOTFOUND: 'probe/host-not-found',
    EAI_AGAIN: 'probe/host-not-found',
    EHOSTUNREACH: 'probe/host-unreachable',
    ETIMEDOUT: 'probe/timeout',
  };
  const code =
    (e?.code && byErrno[e.code]) || (e?.code?.startsWith('ERR_TLS') ? 'probe/tls-error' : 'probe/request-failed');
  return new ProbeError(code, `${what}: ${e?.message ?? String(err)}`, { cause: err });
}
