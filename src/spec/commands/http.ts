import { quote, type Recognised, type UnitContext } from './context.js';
import { parseCurl, writesStatusOnly } from './curl.js';
import { expectedStatus } from './expected.js';

/** `curl -s -o /dev/null -w "%{http_code}" [-k] [-H …] [-X M] URL` with an expected status → http check. */
export function recogniseHttp(ctx: UnitContext): Recognised {
  const { pipeline, expected } = ctx;
  if (pipeline.loop || pipeline.stages.length !== 1 || pipeline.stages[0][0] !== 'curl') return undefined;
  const curl = parseCurl(pipeline.stages[0].slice(1));
  if (!curl.ok) return { reason: curl.reason };
  const req = curl.request;
  if (req.writeOut === undefined)
    return { reason: 'curl prints the response body, not a status code (no -w "%{http_code}")' };
  if (!writesStatusOnly(req.writeOut, 'optional'))
    return { reason: `curl -w format ${quote(req.writeOut)} is not just %{http_code}` };
  if (req.output !== undefined && req.output !== '/dev/null')
    return { reason: `curl -o ${quote(req.output)}: the body is written to a file` };
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
