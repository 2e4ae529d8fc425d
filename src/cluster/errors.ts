import type { Diagnostic } from '../model/diagnostic.js';

/** Why talking to the cluster failed. Each maps to a stable Diagnostic code `cluster/<kind>`. */
export type ClusterErrorKind =
  | 'no-kubeconfig'
  | 'bad-context'
  | 'unreachable'
  | 'unauthorized'
  | 'forbidden'
  | 'timeout'
  | 'api-error';

const HINTS: Record<ClusterErrorKind, string> = {
  'no-kubeconfig':
    'set KUBECONFIG, pass --kubeconfig FILE, or create ~/.kube/config (kind and Docker Desktop write it for you)',
  'bad-context': 'list the contexts with `kubectl config get-contexts` and pass one with --context',
  unreachable:
    'check that the cluster is running and that the server address in the kubeconfig is right (`kubectl cluster-info`)',
  unauthorized:
    'the credentials in the kubeconfig were rejected; refresh them (for example re-run your cloud login) and retry',
  forbidden: 'your user lacks RBAC permission for this request; ask for get/list/patch on these resources',
  timeout: 'the API server did not answer in time; retry, or raise the timeout',
  'api-error': 'see the message from the API server',
};

/** An I/O failure while reaching the API server (not a finding about the manifests). */
export class ClusterError extends Error {
  override readonly name = 'ClusterError';
  constructor(
    readonly kind: ClusterErrorKind,
    message: string,
    readonly detail?: { status?: number; context?: string; server?: string; cause?: unknown },
  ) {
    super(message);
  }
}

export function isClusterError(e: unknown): e is ClusterError {
  return e instanceof ClusterError;
}

/**
 * Turns any error thrown by src/cluster into a Diagnostic (`cluster/no-kubeconfig`, `cluster/unreachable`,
 * `cluster/unauthorized`, …). Unknown errors become `cluster/api-error`.
 */
export function clusterErrorToDiagnostic(e: unknown): Diagnostic {
  if (e instanceof ClusterError) {
    return { code: `cluster/${e.kind}`, severity: 'error', message: e.message, hint: HINTS[e.kind] };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'cluster/api-error', severity: 'error', message, hint: HINTS['api-error'] };
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'EAI_AGAIN',
  'EPIPE',
]);

/** Classifies a low-level request error (socket, TLS, DNS) as a ClusterError. */
export function networkError(err: unknown, server: string, context: string): ClusterError {
  const code = (err as { code?: string })?.code ?? '';
  const msg = err instanceof Error ? err.message : String(err);
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || code === 'TE_TIMEOUT') {
    return new ClusterError('timeout', `request to ${server} (context ${context}) timed out`, {
      server,
      context,
      cause: err,
    });
  }
  if (NETWORK_CODES.has(code)) {
    return new ClusterError('unreachable', `cannot reach the API server ${server} (context ${context}): ${code}`, {
      server,
      context,
      cause: err,
    });
  }
  return new ClusterError('unreachable', `cannot reach the API server ${server} (context ${context}): ${msg}`, {
    server,
    context,
    cause: err,
  });
}
