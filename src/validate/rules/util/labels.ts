import { arr, obj, str } from './data.js';

export { selectorMatches } from '../../../model/labels.js';

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
