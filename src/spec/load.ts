import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type * as z from 'zod';
import { type Diagnostic, formatPath, type PathSegment } from '../model/diagnostic.js';
import { MAX_YAML_BYTES } from '../model/load-yaml.js';
import { closest } from './did-you-mean.js';
import { TrafficSpec } from './schema/spec.js';

export interface LoadedSpec {
  spec?: TrafficSpec;
  diagnostics: Diagnostic[];
}

export interface YamlSource {
  text: string;
  file: string;
  /** Line in `file` where `text` starts (1-based), for YAML embedded in markdown. */
  lineOffset?: number;
}

function locate(root: Node | null, lineCounter: LineCounter, path: readonly PathSegment[]) {
  let cur: unknown = root;
  let found: Node | null = root;
  for (const seg of path) {
    if (isMap(cur)) {
      const pair = cur.items.find((p) => (p.key as { value?: unknown } | null)?.value === seg);
      if (!pair) break;
      found = (pair.value as Node | null) ?? (pair.key as Node);
      cur = pair.value;
    } else if (isSeq(cur) && typeof seg === 'number' && cur.items[seg]) {
      found = cur.items[seg] as Node;
      cur = found;
    } else break;
  }
  const off = found?.range?.[0];
  return off === undefined ? undefined : lineCounter.linePos(off);
}

/** Known keys of the zod object at `path`, for did-you-mean suggestions. */
function knownKeys(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let s: any = schema;
  const unwrap = () => {
    for (let i = 0; i < 10 && s; i++) {
      const def = s._zod?.def ?? s.def;
      if (!def) break;
      if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'pipe')
        s = def.innerType ?? def.in;
      else break;
    }
  };
  unwrap();
  for (const seg of path) {
    const def = s?._zod?.def;
    if (!def) return [];
    if (typeof seg === 'number' && def.type === 'array') s = def.element;
    else if (typeof seg === 'string' && def.type === 'object') s = def.shape[seg];
    else if (typeof seg === 'string' && def.type === 'union') {
      s = def.options.find((o: any) => o._zod?.def?.shape?.[seg]) ?? def.options[0];
      s = s?._zod?.def?.shape?.[seg];
    } else return [];
    unwrap();
  }
  const def = s?._zod?.def;
  return def?.type === 'object' ? Object.keys(def.shape) : [];
}

function issueToDiagnostics(
  issue: z.core.$ZodIssue,
  at: (p: readonly PathSegment[]) => { line: number; col: number } | undefined,
  file: string,
  lineOffset: number,
): Diagnostic[] {
  const base = issue.path as PathSegment[];
  const mk = (path: PathSegment[], message: string, code: string, hint?: string): Diagnostic => {
    const pos = at(path);
    return {
      code,
      severity: 'error',
      path: formatPath(path) || '(root)',
      message,
      ...(hint ? { hint } : {}),
      file,
      ...(pos ? { line: pos.line + lineOffset, column: pos.col } : {}),
    };
  };
  if (issue.code === 'unrecognized_keys') {
    const keys = knownKeys(TrafficSpec, base);
    return issue.keys.map((k) => {
      const guess = closest(k, keys);
      return mk(
        [...base, k],
        `unknown field "${k}"`,
        'spec/unknown-field',
        guess ? `did you mean "${guess}"?` : keys.length ? `known fields: ${keys.join(', ')}` : undefined,
      );
    });
  }
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return [mk(base, `required field "${String(base[base.length - 1] ?? '')}" is missing`, 'spec/required')];
  const code = /RFC 1123/.test(issue.message)
    ? 'spec/invalid-name'
    : issue.code === 'invalid_value'
      ? 'spec/enum'
      : 'spec/invalid';
  return [mk(base, issue.message, code)];
}

/**
 * Parses and checks a YAML TrafficSpec. Every problem becomes a Diagnostic with its file, line and column;
 * names are checked as RFC 1123 before anything renders.
 */
export function loadSpecYaml(src: YamlSource): LoadedSpec {
  const { text, file } = src;
  const lineOffset = (src.lineOffset ?? 1) - 1;
  if (Buffer.byteLength(text, 'utf8') > MAX_YAML_BYTES)
    return {
      diagnostics: [
        {
          code: 'input/too-large',
          severity: 'error',
          file,
          message: `${file} is larger than ${MAX_YAML_BYTES / 1048576} MiB`,
        },
      ],
    };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length)
    return {
      diagnostics: doc.errors.map((e) => {
        const p = lineCounter.linePos(e.pos[0]);
        return {
          code: 'input/yaml-syntax',
          severity: 'error' as const,
          file,
          line: p.line + lineOffset,
          column: p.col,
          message: `YAML syntax error: ${e.message.split('\n')[0]}`,
        };
      }),
    };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    return { diagnostics: [{ code: 'input/yaml-syntax', severity: 'error', file, message: (err as Error).message }] };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return {
      diagnostics: [
        {
          code: 'spec/not-an-object',
          severity: 'error',
          file,
          line: 1 + lineOffset,
          column: 1,
          message: 'a traffic spec must be a YAML mapping (app, namespace, services, …)',
        },
      ],
    };
  return checkSpecObject(value, file, (p) => locate(doc.contents as Node, lineCounter, p), lineOffset);
}

/** Checks an in-memory spec object (for example an MCP tool argument). */
export function checkSpecObject(
  value: unknown,
  file = '<spec>',
  at: (p: readonly PathSegment[]) => { line: number; col: number } | undefined = () => undefined,
  lineOffset = 0,
): LoadedSpec {
  const r = TrafficSpec.safeParse(value);
  if (r.success) return { spec: r.data, diagnostics: [] };
  const diagnostics = r.error.issues.flatMap((i) => issueToDiagnostics(i, at, file, lineOffset));
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { diagnostics };
}
