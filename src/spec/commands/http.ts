import { quote, type Recognised, type UnitContext } from './context.js';
import { type CurlRequest, parseCurl, writesStatusOnly } from './curl.js';
import { expectedStatus } from './expected.js';

/** `head -1`, `head -n 1`, `head -n1`. */
function isHeadOne(stage: readonly string[] | undefined): boolean {
  if (stage?.[0] !== 'head') return false;
  const args = stage.slice(1).join(' ');
  return args === '-1' || args === '-n 1' || args === '-n1' || args === '--lines=1';
}

function finish(ctx: UnitContext, req: CurlRequest): Recognised {
  const { expected } = ctx;
  if (expected === undefined) return { reason: 'no expected status (add "# Expected: 200")' };
  const status = expectedStatus(expected.replace(/^["']|["']$/g, ''));
  if (status === undefined) return { reason: `expected ${quote(expected)} is not an HTTP status code` };
  return {
    check: {
      kind: 'http',
      method: req.method,
      url: req.url,
      headers: req.headers,
      insecure: req.insecure,
      expect: { status },
      raw: ctx.raw,
    },
  };
}

/** `curl -sI URL | head -1` (or `-si`) with expected `HTTP/1.1 200 OK` → http check on the status line. */
function statusLine(ctx: UnitContext): Recognised {
  const curl = parseCurl(ctx.pipeline.stages[0].slice(1));
  if (!curl.ok) return { reason: curl.reason };
  const req = curl.request;
  if (req.method !== 'HEAD' && !req.include)
    return { reason: 'head -1 of the body is not a status line (use curl -I or -i)' };
  if (req.writeOut !== undefined || req.output !== undefined) return { reason: 'curl -w/-o change what head -1 sees' };
  return finish(ctx, req);
}

/**
 * `curl -s -o /dev/null -w "%{http_code}" [-k] [-H …] [-X M] URL`, or `curl -sI URL | head -1`,
 * with an expected status → http check.
 */
export function recogniseHttp(ctx: UnitContext): Recognised {
  const { pipeline } = ctx;
  const [first, second] = pipeline.stages;
  if (pipeline.loop || first?.[0] !== 'curl') return undefined;
  if (pipeline.stages.length === 2 && isHeadOne(second)) return statusLine(ctx);
  if (pipeline.stages.length !== 1) return undefined;
  const curl = parseCurl(first.slice(1));
  if (!curl.ok) return { reason: curl.reason };
  const req = curl.request;
  if (req.include) return { reason: 'curl -i prints headers and body; pipe it to "head -1" to check the status line' };
  if (req.writeOut === undefined)
    return { reason: 'curl prints the response body, not a status code (no -w "%{http_code}")' };
  if (!writesStatusOnly(req.writeOut, 'optional'))
    return { reason: `curl -w format ${quote(req.writeOut)} is not just %{http_code}` };
  if (req.output !== undefined && req.output !== '/dev/null')
    return { reason: `curl -o ${quote(req.output)}: the body is written to a file` };
  return finish(ctx, req);
}
