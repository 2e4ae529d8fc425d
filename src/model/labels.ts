const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Does a metav1.LabelSelector (`matchLabels` + `matchExpressions` with In / NotIn / Exists / DoesNotExist)
 * select these labels? An empty selector selects everything; an unknown operator selects nothing.
 */
export function selectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  const sel = isObject(selector) ? selector : {};
  const matchLabels = isObject(sel.matchLabels) ? sel.matchLabels : {};
  for (const [k, v] of Object.entries(matchLabels)) if (labels[k] !== v) return false;
  for (const e of Array.isArray(sel.matchExpressions) ? sel.matchExpressions : []) {
    const ex = isObject(e) ? e : {};
    const key = typeof ex.key === 'string' ? ex.key : '';
    const values = Array.isArray(ex.values) ? ex.values.filter((x): x is string => typeof x === 'string') : [];
    const has = Object.hasOwn(labels, key);
    switch (ex.operator) {
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
