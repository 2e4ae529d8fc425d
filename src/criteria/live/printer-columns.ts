/**
 * `kubectl get` columns computed client-side from a CRD's `additionalPrinterColumns`
 * (JSONPath subset used by CRDs: `.a.b`, `[0]`, `[*]`, `[?(@.type=="Ready")]`).
 */
export interface PrinterColumn {
  name: string;
  type?: string;
  jsonPath: string;
  priority?: number;
}

/** NAME plus every column (upper-cased, as kubectl prints the header); `date` columns as kubectl's age. */
export function printerColumns(
  obj: Record<string, unknown>,
  columns: readonly PrinterColumn[],
  now = new Date(),
): Record<string, string> {
  const md = (obj.metadata ?? {}) as { name?: string; creationTimestamp?: string };
  const out: Record<string, string> = { NAME: md.name ?? '' };
  for (const c of columns) {
    const values = evalJsonPath(obj, c.jsonPath);
    const cell = values.map((v) => (c.type === 'date' && typeof v === 'string' ? age(v, now) : format(v))).join(',');
    out[c.name.toUpperCase()] = cell;
  }
  if (!columns.some((c) => c.name.toUpperCase() === 'AGE') && md.creationTimestamp)
    out.AGE = age(md.creationTimestamp, now);
  return out;
}

function format(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** kubectl-style age: 45s, 12m, 5h, 3d. */
export function age(iso: string, now: Date): string {
  const s = Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / 1000));
  if (Number.isNaN(s)) return '<unknown>';
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  if (s < 172_800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86_400)}d`;
}

/** Evaluates a CRD printer-column JSONPath; returns every match (empty when none). */
export function evalJsonPath(doc: unknown, path: string): unknown[] {
  const p = path
    .trim()
    .replace(/^\{(.*)\}$/, '$1')
    .replace(/^\$/, '');
  const re =
    /\.([A-Za-z0-9_-]+)|\[(\d+)\]|\[\*\]|\[\?\(@\.([A-Za-z0-9_.-]+)\s*==\s*["']([^"']*)["']\)\]|\['([^']+)'\]/y;
  let cur: unknown[] = [doc];
  let i = 0;
  while (i < p.length) {
    re.lastIndex = i;
    const m = re.exec(p);
    if (!m) return [];
    i = re.lastIndex;
    const next: unknown[] = [];
    for (const v of cur) {
      if (v === null || typeof v !== 'object') continue;
      const o = v as Record<string, unknown>;
      if (m[1] !== undefined || m[5] !== undefined) {
        const k = m[1] ?? m[5];
        if (!Array.isArray(v) && k in o) next.push(o[k]);
      } else if (m[2] !== undefined) {
        if (Array.isArray(v) && Number(m[2]) < v.length) next.push(v[Number(m[2])]);
      } else if (m[3] !== undefined) {
        if (Array.isArray(v)) next.push(...v.filter((e) => String(dig(e, m[3])) === m[4]));
      } else if (Array.isArray(v)) next.push(...v);
      else next.push(...Object.values(o));
    }
    cur = next;
  }
  return cur.filter((v) => v !== undefined);
}

function dig(v: unknown, dotted: string): unknown {
  let cur = v;
  for (const k of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}
