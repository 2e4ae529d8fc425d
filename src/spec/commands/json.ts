import { quote, type Recognised, type UnitContext } from './context.js';
import { parseCurl } from './curl.js';
import { expectedJson } from './expected.js';

/** A jq path we can evaluate without jq: `.`, `.a.b`, `.a[0].b`, `.["odd key"]`. */
const JQ_PATH = /^\.$|^(?:\.[A-Za-z_][\w]*|\.?\[\d+\]|\.?\["(?:[^"\\]|\\.)*"\])+$/;

/** `curl -s URL | jq [-r] .field` with an expected value → json check. */
export function recogniseJson(ctx: UnitContext): Recognised {
  const { pipeline, expected } = ctx;
  const [first, second] = pipeline.stages;
  if (pipeline.loop || pipeline.stages.length !== 2 || first[0] !== 'curl' || second[0] !== 'jq') return undefined;
  const curl = parseCurl(first.slice(1));
  if (!curl.ok) return { reason: curl.reason };
  const req = curl.request;
  if (req.writeOut !== undefined || req.include)
    return { reason: 'curl -w or -i output would be mixed into the JSON body' };
  if (req.output !== undefined && req.output !== '-')
    return { reason: `curl -o ${quote(req.output)}: no body reaches jq` };
  let raw = false;
  const filters: string[] = [];
  for (const a of second.slice(1)) {
    if (a === '-r' || a === '--raw-output') raw = true;
    else if (a.startsWith('-')) return { reason: `jq option ${a} is not supported` };
    else filters.push(a);
  }
  if (filters.length !== 1) return { reason: 'jq needs exactly one filter' };
  const field = filters[0].trim();
  if (!JQ_PATH.test(field)) return { reason: `jq filter ${quote(field)} is not a plain field path` };
  if (expected === undefined) return { reason: 'no expected value (add "# Expected: \\"v1\\"")' };
  const value = expectedJson(expected, raw);
  if (!value) return { reason: `expected ${quote(expected)} is not a JSON scalar` };
  return {
    check: {
      kind: 'json',
      method: req.method,
      url: req.url,
      headers: req.headers,
      insecure: req.insecure,
      field,
      expect: { value: value.value },
      raw: ctx.raw,
    },
  };
}
