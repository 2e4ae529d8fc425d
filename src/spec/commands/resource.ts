import type { ResourceCheck } from '../checks.js';
import { quote, type Recognised, type UnitContext } from './context.js';
import { expectedColumns, expectedFields } from './expected.js';
import { normaliseKind } from './kinds.js';
import { parseKubectl } from './kubectl.js';

/** A `kubectl get` table (header + one row) → columns, leaving out NAME and AGE (time-dependent). */
function tableColumns(text: string): Record<string, string> | undefined {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== 2) return undefined;
  const head = lines[0].trim().split(/\s+/);
  const row = lines[1].trim().split(/\s+/);
  if (head.length !== row.length || !head.every((h) => /^[A-Z][A-Z0-9-]*$/.test(h))) return undefined;
  const cols: Record<string, string> = {};
  head.forEach((h, i) => {
    if (h !== 'NAME' && h !== 'AGE') cols[h] = row[i];
  });
  return cols;
}

const GREP_FLAGS = /^-(?:[ABC]\d+|[iwxFE]+)$/;

/**
 * `kubectl get KIND NAME -n NS` with expected `READY=True, MIN=1, MAX=10` → columns;
 * `kubectl get KIND NAME -n NS -o yaml | grep [-A3] field` with expected `field: value` → fields.
 */
export function recogniseResource(ctx: UnitContext): Recognised {
  const { pipeline, expected } = ctx;
  const [first, second] = pipeline.stages;
  if (pipeline.loop || first?.[0] !== 'kubectl' || !first.includes('get')) return undefined;
  const k = parseKubectl(first.slice(1));
  if (!k.ok) return { reason: k.reason };
  const a = k.args;
  if (a.verb !== 'get') return undefined;
  if (a.flags.length > 0) return { reason: `kubectl get flag ${a.flags[0]} is not supported` };
  let kindArg = a.positionals[0];
  let name = a.positionals[1];
  if (kindArg?.includes('/') && name === undefined) [kindArg, name] = kindArg.split('/', 2);
  if (!kindArg || !name || a.positionals.length > (kindArg === a.positionals[0] ? 2 : 1))
    return { reason: 'kubectl get needs exactly one KIND and one NAME' };
  const resource: ResourceCheck['resource'] = { kind: normaliseKind(kindArg), name };
  if (a.namespace !== undefined) resource.namespace = a.namespace;
  const base = { kind: 'resource' as const, resource, raw: ctx.raw };

  if (pipeline.stages.length === 1) {
    if (a.output !== undefined && a.output !== 'wide')
      return {
        reason: `kubectl get -o ${a.output} output is not compared${a.output.startsWith('jsonpath') ? ' (jsonpath is not parsed)' : ''}`,
      };
    if (expected === undefined) return { check: { ...base, expect: {} } }; // the object exists
    const columns = ctx.fromOutput ? tableColumns(expected) : expectedColumns(expected);
    if (!columns) return { reason: `expected ${quote(expected)} is not "COLUMN=value, …"` };
    return { check: { ...base, expect: { columns } } };
  }
  if (pipeline.stages.length !== 2 || second[0] !== 'grep')
    return { reason: 'kubectl get output is piped to something other than grep' };
  if (a.output !== 'yaml') return { reason: 'grep on kubectl get output needs -o yaml' };
  const patterns = second.slice(1).filter((w) => !GREP_FLAGS.test(w));
  if (patterns.length !== 1 || !/^[A-Za-z_][\w.-]*:?$/.test(patterns[0]))
    return { reason: `grep ${quote(second.slice(1).join(' '))} does not select a field name` };
  const key = patterns[0].replace(/:$/, '');
  if (expected === undefined) return { reason: 'no expected value (add "# Expected: field: value")' };
  let fields = expectedFields(expected);
  if (!fields && !expected.includes(':') && expected.trim() !== '' && !expected.includes('\n'))
    fields = [{ field: key, value: expected.trim().replace(/^(["'])(.*)\1$/, '$2') }];
  if (!fields) return { reason: `expected ${quote(expected)} is not "field: value"` };
  return { check: { ...base, expect: { fields } } };
}
