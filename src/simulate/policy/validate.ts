/**
 * Translation-time validity of a BackendTrafficPolicy, the checks that make Envoy Gateway set
 * `Accepted=False, reason Invalid` and answer 500 on the targeted routes (reference §1.2, §1.3,
 * §1.6, §2). Schema/CEL rejections (admission) are reported too, marked as such.
 */
import type { Manifest } from '../../model/manifest.js';
import { activeScopes, fullRegex, objects, readRules } from './rules.js';
import { isUnit, unitMs } from './units.js';

type Raw = Record<string, unknown>;

export interface PolicyProblem {
  /** `translation`: accepted by the API server, then Accepted=False/Invalid and 500. `admission`: the API server rejects it. */
  stage: 'translation' | 'admission';
  message: string;
}

export interface ValidateOptions {
  /** The EnvoyGateway config enables the rate-limit service (Redis). @default true */
  rateLimitService?: boolean;
}

function headerProblems(where: string, list: unknown): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  for (const h of objects(list)) {
    const type = typeof h.type === 'string' ? h.type : 'Exact';
    const name = String(h.name ?? '');
    if (type === 'Distinct') {
      if (h.value !== undefined)
        out.push({
          stage: 'translation',
          message: `${where} ${name}: Distinct with a value (Either the header.Type is not valid or the header is missing a value)`,
        });
      if (h.invert === true)
        out.push({
          stage: 'translation',
          message: `${where} ${name}: Invert is not applicable for distinct header match type`,
        });
    } else if (type === 'Exact' || type === 'RegularExpression') {
      if (h.value === undefined)
        out.push({
          stage: 'translation',
          message: `${where} ${name}: Either the header.Type is not valid or the header is missing a value`,
        });
      else if (type === 'RegularExpression' && !fullRegex(String(h.value)))
        out.push({
          stage: 'translation',
          message: `${where} ${name}: invalid regular expression ${JSON.stringify(h.value)}`,
        });
    } else out.push({ stage: 'admission', message: `${where} ${name}: unsupported match type ${type}` });
  }
  return out;
}

/** Every problem with `spec.rateLimit` of a BTP, in rule order. Empty when the policy translates. */
export function rateLimitProblems(rateLimit: Raw | undefined, opts: ValidateOptions = {}): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  if (!rateLimit) return out;
  for (const scope of activeScopes(rateLimit)) {
    const rules = readRules(rateLimit, scope);
    if (scope === 'global' && rules.length > 0 && opts.rateLimitService === false)
      out.push({
        stage: 'translation',
        message: 'enable Ratelimit in the EnvoyGateway config to configure global rateLimit',
      });
    rules.forEach((r) => {
      const where = `rateLimit.${scope}.rules[${r.index}]`;
      if (!isUnit((r.raw.limit as Raw | undefined)?.unit) && !(r.raw.limit as Raw | undefined)?.fromMetadata)
        out.push({
          stage: 'admission',
          message: `${where}.limit.unit must be one of Second, Minute, Hour, Day, Week, Month, Year`,
        });
      if (scope === 'local' && (r.raw.limit as Raw | undefined)?.fromMetadata)
        out.push({
          stage: 'admission',
          message: `${where}: limit fromMetadata is not supported for Local Rate Limits`,
        });
      if (scope === 'local' && (r.raw.cost as Raw | undefined)?.response)
        out.push({ stage: 'admission', message: `${where}: response cost is not supported for Local Rate Limits` });
      objects(r.raw.clientSelectors).forEach((s, i) => {
        out.push(...headerProblems(`${where}.clientSelectors[${i}].headers`, s.headers));
        out.push(...headerProblems(`${where}.clientSelectors[${i}].queryParams`, s.queryParams));
      });
    });
    if (scope === 'local') {
      const defaults = rules.filter((r) => r.selectors.length === 0);
      if (defaults.length > 1)
        out.push({
          stage: 'translation',
          message: 'local rateLimit can not have more than one rule without clientSelectors',
        });
      const def = defaults[0];
      if (def) {
        for (const r of rules) {
          if (r !== def && unitMs(r.limit.unit) % unitMs(def.limit.unit) !== 0)
            out.push({
              stage: 'translation',
              message: `local rateLimit rule limit unit must be a multiple of the default limit unit (rule ${r.index}: ${r.limit.unit}, default rule ${def.index}: ${def.limit.unit})`,
            });
        }
      }
    }
  }
  return out;
}

/** Problems of the whole policy (rate limit today; circuit-breaker fields must be non-negative integers). */
export function policyProblems(btp: Manifest, opts: ValidateOptions = {}): PolicyProblem[] {
  const spec = ((btp as { spec?: Raw }).spec ?? {}) as Raw;
  const out = rateLimitProblems(spec.rateLimit as Raw | undefined, opts);
  const cb = spec.circuitBreaker as Raw | undefined;
  for (const [k, v] of Object.entries(cb ?? {})) {
    if (typeof v === 'number' && (!Number.isInteger(v) || v < 0 || v > 4294967295))
      out.push({ stage: 'admission', message: `circuitBreaker.${k} must be an integer in 0..4294967295` });
  }
  if (
    spec.mergeType !== undefined &&
    objects(spec.targetRefs).some((t) => t.kind !== 'HTTPRoute' && t.kind !== 'GRPCRoute')
  )
    out.push({ stage: 'admission', message: 'mergeType can only be used with xRoute targets' });
  return out;
}
