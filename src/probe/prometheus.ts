import { ProbeError } from './errors.js';
import { httpRequest } from './http.js';

export interface PromSample {
  metric: Record<string, string>;
  value: number;
}

export interface PromQueryResult {
  resultType: 'vector' | 'scalar' | 'matrix' | 'string';
  samples: PromSample[];
  /** The single value: a scalar, or a vector of exactly one sample. Undefined for empty or multi-sample vectors. */
  value: number | undefined;
}

/**
 * Instant query against the Prometheus HTTP API (`GET /api/v1/query`).
 * Throws `ProbeError` when Prometheus is unreachable or answers with an error.
 */
export async function promQuery(baseUrl: string, query: string, timeoutMs = 5000): Promise<PromQueryResult> {
  const url = new URL('api/v1/query', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  url.searchParams.set('query', query);
  const res = await httpRequest({
    url: url.toString(),
    timeoutMs,
    headers: { accept: 'application/json' },
    maxBodyBytes: 1 << 20,
  });
  return parsePromAnswer(res.status, res.body, url.origin, query);
}

/**
 * Reads a Prometheus `/api/v1/query` answer (however it was fetched, e.g. through the Kubernetes API server's
 * service proxy). Throws `ProbeError` for an error answer or a body that is not the API's JSON.
 */
export function parsePromAnswer(status: number, body: string, where: string, query: string): PromQueryResult {
  let doc: { status?: string; error?: string; errorType?: string; data?: { resultType?: string; result?: unknown } };
  try {
    doc = JSON.parse(body);
  } catch {
    throw new ProbeError('probe/prometheus-bad-answer', `${where}: HTTP ${status}, not JSON`);
  }
  if (status !== 200 || doc.status !== 'success' || !doc.data) {
    throw new ProbeError(
      'probe/prometheus-error',
      `${where}: HTTP ${status} ${doc.errorType ?? ''} ${doc.error ?? ''}`.trim() + ` (query: ${query})`,
    );
  }
  const type = doc.data.resultType as PromQueryResult['resultType'];
  const result = doc.data.result;
  if (type === 'scalar') {
    const v = Number((result as [number, string])[1]);
    return { resultType: type, samples: [{ metric: {}, value: v }], value: v };
  }
  if (type === 'vector') {
    const samples = (result as { metric: Record<string, string>; value: [number, string] }[]).map((s) => ({
      metric: s.metric,
      value: Number(s.value[1]),
    }));
    return { resultType: type, samples, value: samples.length === 1 ? samples[0].value : undefined };
  }
  return { resultType: type, samples: [], value: undefined };
}
