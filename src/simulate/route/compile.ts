/**
 * Compiles an HTTPRoute into rules and matches with CRD defaults applied (no matches → PathPrefix /,
 * no rules → one rule), backendRefs resolved (kind, existence, ReferenceGrant) and route-level
 * validity (unsupported values, incompatible filters).
 */
import type { Manifest } from '../../model/manifest.js';
import type { CompiledBackend, CompiledMatch, CompiledRoute, CompiledRule, Condition, HeaderMatcher } from './model.js';
import { GATEWAY_GROUP, type Indexed, keyOf, nsOf, objects, referenceGranted } from './resources.js';

type Raw = Record<string, unknown>;

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);
const PATH_RANK: Record<string, number> = { Exact: 3, PathPrefix: 2, RegularExpression: 1 };
const FILTER_TYPES = new Set([
  'RequestHeaderModifier',
  'ResponseHeaderModifier',
  'RequestMirror',
  'RequestRedirect',
  'URLRewrite',
  'ExtensionRef',
  'CORS',
  'ExternalAuth',
]);

/** Full-string regular expression (RE2-style anchoring); undefined when it does not compile. */
export function fullRegex(src: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${src})$`);
  } catch {
    return undefined;
  }
}

function matchers(list: unknown, lowerNames: boolean, problems: string[], soft: string[]): HeaderMatcher[] {
  const out: HeaderMatcher[] = [];
  for (const h of objects(list)) {
    const name = lowerNames ? String(h.name ?? '').toLowerCase() : String(h.name ?? '');
    if (out.some((o) => o.name === name)) continue; // repeated names: only the first counts
    const type = String(h.type ?? 'Exact');
    const value = String(h.value ?? '');
    const m: HeaderMatcher = { name, type, value };
    if (type === 'RegularExpression') {
      m.re = fullRegex(value);
      if (!m.re) soft.push(`invalid regular expression ${JSON.stringify(value)}`);
    } else if (type !== 'Exact') problems.push(`unsupported match type ${type}`);
    out.push(m);
  }
  return out;
}

function compileMatch(rule: CompiledRule, raw: Raw, index: number, problems: string[]): CompiledMatch {
  const path = (raw.path ?? {}) as Raw;
  const pathType = String(path.type ?? 'PathPrefix');
  const pathValue = String(path.value ?? '/');
  const local: string[] = [];
  const soft: string[] = [];
  const m: CompiledMatch = {
    rule,
    index,
    pathType,
    pathValue,
    method: typeof raw.method === 'string' ? raw.method.toUpperCase() : undefined,
    headers: matchers(raw.headers, true, local, soft),
    query: matchers(raw.queryParams, false, local, soft),
    pathRank: PATH_RANK[pathType] ?? 0,
    valid: true,
  };
  if (!(pathType in PATH_RANK)) local.push(`unsupported path match type ${pathType}`);
  if (pathType === 'RegularExpression') {
    m.pathRe = fullRegex(pathValue);
    if (!m.pathRe) soft.push(`invalid path regular expression ${JSON.stringify(pathValue)}`);
  }
  if (m.method && !METHODS.has(m.method)) local.push(`unsupported method ${m.method}`);
  // Unknown enum values make the route not Accepted; a regex this engine cannot compile only
  // disables the match (RE2 and JavaScript syntaxes differ).
  if (local.length > 0 || soft.length > 0) m.valid = false;
  problems.push(...local);
  return m;
}

function compileBackend(ix: Indexed, route: Manifest, raw: Raw): CompiledBackend {
  const group = String(raw.group ?? '');
  const kind = String(raw.kind ?? 'Service');
  const ns = String(raw.namespace ?? nsOf(route));
  const name = String(raw.name ?? '');
  const key = `${ns}/${name}`;
  const weight = raw.weight === undefined ? 1 : Number(raw.weight);
  const b: CompiledBackend = {
    key,
    group,
    kind,
    weight,
    invalid: null,
    port: raw.port === undefined ? undefined : Number(raw.port),
  };
  if (group !== '' || kind !== 'Service') {
    return {
      ...b,
      invalid: 'InvalidKind',
      message: `backendRef kind ${group ? `${group}/` : ''}${kind} is not supported`,
    };
  }
  if (ns !== nsOf(route)) {
    const from = { group: GATEWAY_GROUP, kind: 'HTTPRoute', namespace: nsOf(route) };
    if (!referenceGranted(ix, from, { group: '', kind: 'Service', namespace: ns, name })) {
      return {
        ...b,
        invalid: 'RefNotPermitted',
        message: `no ReferenceGrant in ${ns} allows HTTPRoutes of ${nsOf(route)} to reference Service ${name}`,
      };
    }
  }
  if (!ix.services.has(key)) return { ...b, invalid: 'BackendNotFound', message: `Service ${key} not found` };
  return b;
}

function filterOf(filters: Raw[], type: string): Raw | undefined {
  const f = filters.find((x) => x.type === type);
  if (!f) return undefined;
  const field = type === 'RequestRedirect' ? 'requestRedirect' : 'urlRewrite';
  return (f[field] ?? {}) as Raw;
}

/** Compiles one HTTPRoute. Pure: reads only `ix`. */
export function compileRoute(ix: Indexed, m: Manifest): CompiledRoute {
  const spec = ((m as { spec?: Raw }).spec ?? {}) as Raw;
  const route: CompiledRoute = {
    key: keyOf(m),
    namespace: nsOf(m),
    name: m.metadata.name ?? '',
    manifest: m,
    hostnames: (Array.isArray(spec.hostnames) ? spec.hostnames : []).map((h) => String(h).toLowerCase()),
    rules: [],
    resolvedRefs: { type: 'ResolvedRefs', status: 'True', reason: 'ResolvedRefs', message: 'all references resolved' },
  };
  const problems: string[] = [];
  const incompatible: string[] = [];
  const rawRules: Raw[] = objects(spec.rules).length > 0 ? objects(spec.rules) : [{}];
  rawRules.forEach((r, i) => {
    const filters = objects(r.filters);
    for (const f of filters) if (!FILTER_TYPES.has(String(f.type))) problems.push(`unsupported filter type ${f.type}`);
    const rule: CompiledRule = {
      route,
      index: i,
      name: typeof r.name === 'string' ? r.name : undefined,
      spec: r,
      backends: objects(r.backendRefs).map((b) => compileBackend(ix, m, b)),
      redirect: filterOf(filters, 'RequestRedirect'),
      urlRewrite: filterOf(filters, 'URLRewrite'),
      matches: [],
    };
    if (rule.redirect && rule.urlRewrite) incompatible.push(`rule ${i} has both RequestRedirect and URLRewrite`);
    if (rule.redirect && rule.backends.length > 0)
      incompatible.push(`rule ${i} has both RequestRedirect and backendRefs`);
    const rawMatches: Raw[] = objects(r.matches).length > 0 ? objects(r.matches) : [{}];
    rule.matches = rawMatches.map((x, j) => compileMatch(rule, x, j, problems));
    route.rules.push(rule);
    const bad = rule.backends.find((b) => b.invalid);
    if (bad && route.resolvedRefs.status === 'True') {
      route.resolvedRefs = {
        type: 'ResolvedRefs',
        status: 'False',
        reason: bad.invalid as string,
        message: bad.message ?? '',
      };
    }
  });
  if (incompatible.length > 0) route.notAccepted = { reason: 'IncompatibleFilters', message: incompatible.join('; ') };
  else if (problems.length > 0) route.notAccepted = { reason: 'UnsupportedValue', message: problems.join('; ') };
  return route;
}

export function conditionOf(type: string, ok: boolean, reason: string, message: string): Condition {
  return { type, status: ok ? 'True' : 'False', reason, message };
}
