import type { TrafficSpecInput } from '../schema/index.js';
import { type Evidence, type Notes, webChecks } from './draft.js';
import { urlOf } from './origins.js';

type ServiceInput = TrafficSpecInput['services'][number];
type RouteInput = NonNullable<TrafficSpecInput['routes']>[number];

/** Longest prose line searched for mappings (keeps the regex linear in practice). */
const MAX_LINE = 1000;
const MAPPING = /(\/[\w\-./]*?)\/?\*?`?\s*(?:->|→|=>)\s*`?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)`?/g;

/** `/api/v1/* -> task-api-v1` lines in the prose → prefix → service. */
function proseMappings(ev: Evidence): { prefix: string; service: string; id?: string }[] {
  const out: { prefix: string; service: string; id?: string }[] = [];
  const texts = [
    ...ev.criteria.map((c) => ({ id: c.id, text: c.description ?? '' })),
    ...ev.prose.sections.map((s) => ({ id: undefined, text: s.text })),
  ];
  for (const t of texts)
    for (const m of t.text
      .split('\n')
      .filter((l) => l.length <= MAX_LINE)
      .flatMap((l) => [...l.matchAll(MAPPING)])) {
      const prefix = m[1].replace(/\/+$/, '') || '/';
      if (!out.some((o) => o.prefix === prefix)) out.push({ prefix, service: m[2], ...(t.id ? { id: t.id } : {}) });
    }
  return out;
}

/**
 * Services and one HTTPRoute from the URL paths the commands call. A path with a version
 * segment (`/api/v1/tasks`) routes its versioned prefix (`/api/v1`) to its own Service
 * (`<app>-v1`, or the one the prose names); other paths route to the app's Service.
 */
export function draftRoutes(
  ev: Evidence,
  app: string,
  notes: Notes,
): { services: ServiceInput[]; routes?: RouteInput[] } {
  const mappings = proseMappings(ev);
  const rules: { prefix: string; service: string; from: string }[] = [];
  const add = (prefix: string, service: string, from: string) => {
    if (!rules.some((r) => r.prefix === prefix)) rules.push({ prefix, service, from });
  };
  for (const w of webChecks(ev)) {
    const url = urlOf(w.check.url);
    if (!url) continue;
    const segs = url.pathname.split('/').filter((s) => s !== '');
    const v = segs.findIndex((s) => /^v\d+$/.test(s));
    if (v >= 0) {
      const prefix = `/${segs.slice(0, v + 1).join('/')}`;
      const mapped = mappings.find((m) => m.prefix === prefix);
      add(prefix, mapped?.service ?? `${app}-${segs[v]}`, `${w.id}${mapped ? ' and its prose' : ''}`);
    } else {
      const covered = rules.find(
        (r) => r.prefix !== '/' && (url.pathname === r.prefix || url.pathname.startsWith(`${r.prefix}/`)),
      );
      if (!covered) add(url.pathname.replace(/\/+$/, '') || '/', app, w.id);
    }
  }
  for (const m of mappings) add(m.prefix, m.service, `the prose${m.id ? ` of ${m.id}` : ''}`);

  const names = [app, ...rules.map((r) => r.service).filter((s) => s !== app)];
  const services: ServiceInput[] = [...new Set(names)].map((name) => ({ name, port: 80 }));
  for (let i = 0; i < services.length; i++)
    notes.todo(['services', i, 'port'], 'the Service port (not stated)', 'inline');
  if (rules.length === 0) {
    notes.note(['services'], 'no URL path in the validation commands: every path goes to the first Service');
    return { services };
  }
  const route: RouteInput = { rules: rules.map((r) => ({ path: r.prefix, backend: r.service })) };
  for (const [i, r] of rules.entries()) notes.note(['routes', 0, 'rules', i], `from ${r.from}`);
  return { services, routes: [route] };
}
