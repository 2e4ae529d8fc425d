import { checksOf, cite, type Evidence, type Notes, slug } from './draft.js';

const NAME_SUFFIXES = /-(?:scaler|protection|policy|gateway|gw|route|routes|tls|hpa|btp|so)$/;

/**
 * The app name: the common stem of resource names the commands check (`task-api-scaler`,
 * `task-api-protection` → `task-api`), else the document title ("…: Task API" → `task-api`),
 * else the namespace; otherwise a TODO.
 */
export function draftApp(ev: Evidence, notes: Notes): string {
  const resources = checksOf(ev, 'resource');
  const stems = resources
    .map((r) => r.check.resource.name)
    .filter((n) => NAME_SUFFIXES.test(n))
    .map((n) => n.replace(NAME_SUFFIXES, ''));
  const votes = new Map<string, number>();
  for (const s of stems) votes.set(s, (votes.get(s) ?? 0) + 1);
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (best && slug(best) === best) {
    notes.note(['app'], `from the resource names in ${cite(resources)}`, 'inline');
    return best;
  }
  const fromTitle = ev.title
    ? slug(
        ev.title
          .split(':')
          .pop()!
          .replace(/traffic\s+spec(?:ification)?/i, ''),
      )
    : undefined;
  if (fromTitle) {
    notes.note(['app'], 'from the document title', 'inline');
    return fromTitle;
  }
  const ns = draftNamespaceFrom(ev);
  if (ns) {
    notes.todo(['app'], 'the app name (taken from the namespace)', 'inline');
    return ns.name;
  }
  notes.todo(['app'], 'the app name (prefix of every generated name)', 'inline');
  return 'my-app';
}

function draftNamespaceFrom(ev: Evidence): { name: string; from: string } | undefined {
  const resources = checksOf(ev, 'resource').filter((r) => r.check.resource.namespace);
  const votes = new Map<string, number>();
  for (const r of resources) votes.set(r.check.resource.namespace!, (votes.get(r.check.resource.namespace!) ?? 0) + 1);
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (best) return { name: best, from: `kubectl -n in ${cite(resources)}` };
  const prose = ev.prose.mentions.namespaces.find(
    (n) => !['keda', 'monitoring', 'kube-system', 'envoy-gateway-system'].includes(n),
  );
  return prose ? { name: prose, from: 'the prose' } : undefined;
}

/** The namespace: the one the kubectl commands use, else the one the prose names; otherwise a TODO. */
export function draftNamespace(ev: Evidence, app: string, notes: Notes): string {
  const ns = draftNamespaceFrom(ev);
  if (ns) {
    notes.note(['namespace'], `from ${ns.from}`, 'inline');
    return ns.name;
  }
  notes.todo(['namespace'], 'the namespace of the app (none is named)', 'inline');
  return app;
}
