/**
 * Readers for the free-text expectations of validation commands (`# Expected: …` comments and
 * **Output:** blocks). Each returns undefined when the text does not have the shape asked for,
 * so that the caller can keep the command as a manual check.
 */

/** `200`, `200 OK`, `HTTP 200`, `HTTP/1.1 200`, `200 (served by v1)` → 200. */
export function expectedStatus(text: string): number | undefined {
  const m = /^(?:HTTP(?:\/[\d.]+)?\s+)?(\d{3})(?:\s+[A-Za-z][A-Za-z ]*)?(?:\s*\(.*\))?\s*\.?$/i.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 100 && n <= 599 ? n : undefined;
}

/** `10`, `10 (requests 101-110 rejected)`, `10 requests` → 10. */
export function expectedCount(text: string): number | undefined {
  const m = /^(\d{1,9})(?:\s+[A-Za-z][\w ,-]*)?(?:\s*\(.*\))?\s*\.?$/.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * `sort | uniq -c` output: lines or comma-separated items `COUNT CODE` (also `COUNT x CODE`,
 * `COUNT × CODE`) → `{ CODE: COUNT }`. Every non-empty item must have that shape.
 */
export function expectedCounts(text: string): Record<string, number> | undefined {
  const items = text
    .split(/[\n,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) return undefined;
  const counts: Record<string, number> = {};
  for (const item of items) {
    const m = /^(\d{1,9})\s*(?:[x×*]\s*)?(\d{3})(?:\s*\(.*\))?$/.exec(item);
    if (!m) return undefined;
    const code = m[2];
    if (Number(code) < 100 || Number(code) > 599 || code in counts) return undefined;
    counts[code] = Number(m[1]);
  }
  return counts;
}

/** `READY=True, MIN=1, MAX=10` or `READY: True, MIN: 1` → columns. Every item must parse. */
export function expectedColumns(text: string): Record<string, string> | undefined {
  const items = text
    .split(/[\n,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) return undefined;
  const cols: Record<string, string> = {};
  for (const item of items) {
    const m = /^([A-Za-z][\w-]*)\s*(?:=|:)\s*(\S(?:.*\S)?)$/.exec(item);
    if (!m) return undefined;
    cols[m[1].toUpperCase()] = m[2];
  }
  return cols;
}

/** YAML-ish `field: value` lines (as printed by `-o yaml | grep`) → fields with scalar values. */
export function expectedFields(text: string): { field: string; value: string }[] | undefined {
  const fields: { field: string; value: string }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim().replace(/^-\s+/, '');
    if (line === '') continue;
    const m = /^["']?([A-Za-z_][\w.-]*)["']?\s*:\s*(.*)$/.exec(line);
    if (!m) return undefined;
    const value = m[2].trim().replace(/^(["'])(.*)\1$/, '$2');
    if (value !== '') fields.push({ field: m[1], value });
  }
  return fields.length > 0 ? fields : undefined;
}

/**
 * The expected JSON value printed by `jq` (not raw): `"v1"` → 'v1', `50` → 50, `true` → true.
 * A trailing note in parentheses is ignored. With `raw` (jq -r) the text is kept as a string
 * (surrounding quotes removed if the author wrote them).
 */
export function expectedJson(text: string, raw: boolean): { value: unknown } | undefined {
  const t = text.trim().replace(/\s*\([^()]*\)\s*$/, '');
  if (t === '') return undefined;
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(t);
  if (raw) return { value: quoted ? (JSON.parse(t) as string) : t };
  try {
    const v: unknown = JSON.parse(t);
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) return { value: v };
    return undefined; // objects and arrays: not a field value we compare
  } catch {
    // an unquoted word where jq would print a JSON string: the author's shorthand for that string
    return /^[\w.-]+$/.test(t) ? { value: t } : undefined;
  }
}
