/**
 * Reading and printing request lists for `traffic-engineer simulate`: a JSON array of requests
 * (the conformance dataset's request objects as they are), or an array of cases whose `requests`
 * are taken. Extra fields (`expect`, `note`, …) are ignored. Problems come back as Diagnostics.
 */
import * as z from 'zod';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { SimRequest, SimResult } from './types.js';

const values = z.union([z.string(), z.array(z.string())]);

/** Schema of one request object (unknown keys are dropped). */
export const simRequestSchema = z.object({
  name: z.string().optional(),
  gateway: z.string().optional(),
  port: z.number().int().min(1).max(65535),
  scheme: z.enum(['http', 'https']),
  sni: z.string().optional(),
  host: z.string().optional(),
  hostIsGatewayAddress: z.boolean().optional(),
  method: z.string().optional(),
  path: z.string().startsWith('/'),
  query: z.record(z.string(), values).optional(),
  rawQuery: z.string().optional(),
  headers: z.record(z.string(), values).optional(),
  protocol: z.string().optional(),
});

function requestObjects(data: unknown): { items: unknown[]; where: string[] } | undefined {
  const list = Array.isArray(data) ? data : data && typeof data === 'object' ? [data] : undefined;
  if (!list) return undefined;
  const items: unknown[] = [];
  const where: string[] = [];
  list.forEach((el, i) => {
    const reqs = el && typeof el === 'object' ? (el as { requests?: unknown }).requests : undefined;
    if (Array.isArray(reqs)) {
      reqs.forEach((r, j) => {
        items.push(r);
        where.push(`[${i}].requests[${j}]`);
      });
    } else {
      items.push(el);
      where.push(`[${i}]`);
    }
  });
  return { items, where };
}

/** Parses a requests file. Invalid entries are reported and skipped; valid ones keep their order. */
export function parseRequestsJson(
  text: string,
  file = '<requests>',
): { requests: SimRequest[]; diagnostics: Diagnostic[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return {
      requests: [],
      diagnostics: [
        {
          code: 'simulate/requests-not-json',
          severity: 'error',
          file,
          message: `not valid JSON: ${(err as Error).message}`,
        },
      ],
    };
  }
  const found = requestObjects(data);
  if (!found) {
    const message = 'expected a JSON array of requests, or of cases with `requests`';
    return { requests: [], diagnostics: [{ code: 'simulate/requests-shape', severity: 'error', file, message }] };
  }
  const requests: SimRequest[] = [];
  const diagnostics: Diagnostic[] = [];
  found.items.forEach((item, k) => {
    const parsed = simRequestSchema.safeParse(item);
    if (parsed.success) requests.push(parsed.data as SimRequest);
    else {
      const issue = parsed.error.issues[0];
      diagnostics.push({
        code: 'simulate/invalid-request',
        severity: 'error',
        file,
        path: `${found.where[k]}${issue.path.length > 0 ? `.${issue.path.join('.')}` : ''}`,
        message: `request ${found.where[k]}: ${issue.message}`,
        hint: 'a request needs port, scheme (http|https) and a path starting with /',
      });
    }
  });
  return { requests, diagnostics };
}

function target(q: SimRequest): string {
  const host = q.host ?? '(gateway address)';
  const query = q.rawQuery ? `?${q.rawQuery}` : '';
  return `${q.method ?? 'GET'} ${q.scheme}://${host}${q.path}${query} (port ${q.port}${q.sni ? `, SNI ${q.sni}` : ''})`;
}

/** One line per request: what was sent, the status, where it went and why. */
export function formatResultText(q: SimRequest, r: SimResult): string {
  const parts: string[] = [`${r.status}`];
  if (r.backend) parts.push(`→ ${r.backend}`);
  else if (r.weightedBackends) {
    const split = Object.entries(r.weightedBackends).map(([k, v]) => `${k} ${Math.round(v * 1000) / 10}%`);
    parts.push(`→ ${split.join(', ')}`);
  }
  if (r.location) parts.push(`Location: ${r.location}`);
  if (r.rewrite) parts.push(`rewritten to ${r.rewrite.host ?? ''}${r.rewrite.path ?? ''}`);
  const at = [
    r.listener !== undefined ? `listener ${r.listener}` : '',
    r.route ? `route ${r.route}` : '',
    r.rule !== undefined ? `rule ${r.rule}` : '',
    r.match !== undefined ? `match ${r.match}` : '',
  ].filter(Boolean);
  if (at.length > 0) parts.push(`[${at.join(', ')}]`);
  if (r.reason && !(r.status >= 300 && r.status < 400)) parts.push(`— ${r.reason}`);
  return `${q.name ? `${q.name}: ` : ''}${target(q)} → ${parts.join(' ')}`;
}
