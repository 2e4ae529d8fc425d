import { report, type WalkState } from './findings.js';
import type { SchemaNode } from './node.js';

function keyOf(v: unknown): string {
  return JSON.stringify(v ?? null);
}

/** `x-kubernetes-list-type: set` (unique items) and `map` (unique `x-kubernetes-list-map-keys`). */
export function checkListType(node: SchemaNode, arr: readonly unknown[], st: WalkState): void {
  if (node.listType === 'set') {
    const seen = new Set<string>();
    arr.forEach((item, i) => {
      const k = keyOf(item);
      if (seen.has(k))
        report(st, 'schema/list-duplicate', `Duplicate value: ${k}`, 'remove the repeated item: this list is a set', i);
      seen.add(k);
    });
  } else if (node.listType === 'map' && node.mapKeys && node.mapKeys.length > 0) {
    const keys = node.mapKeys;
    const props = node.items?.properties;
    const seen = new Set<string>();
    arr.forEach((item, i) => {
      if (!item || typeof item !== 'object' || Array.isArray(item)) return;
      const o = item as Record<string, unknown>;
      const tuple: Record<string, unknown> = {};
      for (const k of keys) {
        const child = props?.get(k);
        tuple[k] = o[k] !== undefined ? o[k] : child?.hasDefault ? child.default : undefined;
      }
      const k = keyOf(tuple);
      if (seen.has(k)) {
        report(
          st,
          'schema/list-duplicate',
          `Duplicate value: ${k}`,
          `each item must have a unique ${keys.map((x) => `"${x}"`).join(' + ')}`,
          i,
        );
      }
      seen.add(k);
    });
  }
}
