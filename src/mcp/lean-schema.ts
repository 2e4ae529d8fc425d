/**
 * JSON Schema for tools/list, sized for an agent's context. The zod schema stays the single source
 * (it validates every call in full); the advertised form drops what costs bytes and rarely guides a
 * caller (regex patterns, length and numeric bounds, false defaults, the JSON-Schema dialect URI) and stops at a
 * depth, where a part is described by its description and, for spec parts, a pointer to
 * te://schema/{part} (the full JSON Schema). Output schemas are listed as property names and types only.
 */
import * as z from 'zod';

const DROP = new Set(['$schema', 'pattern', 'format', 'minLength', 'maxLength', 'minItems', 'maxItems']);

type Json = Record<string, unknown>;

function lean(node: unknown, depth: number, max: number, keepDescriptions: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => lean(n, depth, max, keepDescriptions));
  if (!node || typeof node !== 'object') return node;
  const o = node as Json;
  const isComposite =
    o.type === 'object' ||
    (o.type === 'array' && typeof o.items === 'object') ||
    Array.isArray(o.oneOf) ||
    Array.isArray(o.anyOf);
  if (depth >= max && isComposite) {
    const stub: Json = { type: o.type ?? 'object' };
    if (o.description && keepDescriptions) stub.description = o.description;
    return stub;
  }
  const out: Json = {};
  for (const [k, v] of Object.entries(o)) {
    if (DROP.has(k) || ((k === 'description' || k === 'enum') && !keepDescriptions)) continue;
    if (k === 'maximum' || k === 'minimum' || k === 'exclusiveMinimum') continue;
    if (k === 'default' && (v === false || (v !== null && typeof v === 'object'))) continue;
    if (k === 'additionalProperties' && (depth > 0 || !keepDescriptions)) continue;
    if (k === 'required' && !keepDescriptions) continue;
    if (k === 'properties' && v && typeof v === 'object')
      out[k] = Object.fromEntries(
        Object.entries(v as Json).map(([pk, pv]) => [pk, lean(pv, depth + 1, max, keepDescriptions)]),
      );
    else if (k === 'items' || k === 'oneOf' || k === 'anyOf')
      out[k] = lean(v, k === 'items' ? depth : depth + 1, max, keepDescriptions);
    else out[k] = v;
  }
  return out;
}

/**
 * The advertised JSON Schema of a zod object, `depth` levels of properties deep (1: the arguments
 * themselves, with nested objects as {type, description}). Output schemas go without descriptions.
 */
export function leanJsonSchema(schema: z.ZodType, io: 'input' | 'output', depth = 1): Json {
  const full = z.toJSONSchema(schema, { io, target: 'draft-7', unrepresentable: 'any' }) as Json;
  return lean(full, 0, depth, io === 'input') as Json;
}

/** The full JSON Schema of a zod schema (for te://schema/{part}). */
export function fullJsonSchema(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Json;
}
