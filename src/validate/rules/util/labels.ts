import { arr, obj, str } from './data.js';

/** Does a metav1.LabelSelector (matchLabels + matchExpressions) select these labels? An empty selector selects everything. */
export function selectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  const sel = obj(selector);
  for (const [k, v] of Object.entries(obj(sel.matchLabels))) if (labels[k] !== v) return false;
  for (const e of arr(sel.matchExpressions)) {
    const ex = obj(e);
    const key = str(ex.key) ?? '';
    const values = arr(ex.values).filter((x): x is string => typeof x === 'string');
    const has = Object.hasOwn(labels, key);
    switch (str(ex.operator)) {
      case 'In':
        if (!has || !values.includes(labels[key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Labels of a manifest's metadata as a string map. */
export function labelsOf(m: { metadata?: { labels?: Record<string, string> } }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(m.metadata?.labels))) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Does a plain `{k: v}` selector (Service spec.selector) match these labels? An empty one matches nothing. */
export function mapSelectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  const entries = Object.entries(obj(selector));
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}
