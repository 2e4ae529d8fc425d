import { isMap, isSeq, LineCounter, type Node, parseAllDocuments } from 'yaml';
import type { Diagnostic } from './diagnostic.js';
import { isManifest, type Manifest, type SourceDoc, type SourcePosition } from './manifest.js';

/** Largest YAML text we accept (bytes). Anything bigger is refused with a diagnostic, not parsed. */
export const MAX_YAML_BYTES = 16 * 1024 * 1024;

export interface ParsedStream {
  docs: SourceDoc[];
  diagnostics: Diagnostic[];
}

function nodeAt(root: Node | null | undefined, path: readonly (string | number)[]): Node | undefined {
  let cur: unknown = root;
  let last: Node | undefined = root ?? undefined;
  for (const seg of path) {
    if (isMap(cur)) {
      const pair = cur.items.find((p) => {
        const k = p.key as { value?: unknown } | null;
        return k !== null && typeof k === 'object' && k.value === seg;
      });
      if (!pair) return last;
      cur = pair.value ?? pair.key;
      last = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(cur) && typeof seg === 'number') {
      const item = cur.items[seg];
      if (item === undefined) return last;
      cur = item;
      last = item as Node;
    } else {
      return last;
    }
  }
  return last;
}

/**
 * Parses a multi-document YAML stream of Kubernetes objects, keeping source positions.
 * Syntax errors, non-object documents and oversized input become diagnostics.
 */
export function parseManifestStream(text: string, file = '<stdin>'): ParsedStream {
  const diagnostics: Diagnostic[] = [];
  const docs: SourceDoc[] = [];
  if (Buffer.byteLength(text, 'utf8') > MAX_YAML_BYTES) {
    diagnostics.push({
      code: 'input/too-large',
      severity: 'error',
      file,
      message: `${file} is larger than ${MAX_YAML_BYTES / 1024 / 1024} MiB; refusing to parse it`,
      hint: 'split the stream into smaller files',
    });
    return { docs, diagnostics };
  }
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const list = Array.isArray(parsed) ? parsed : [parsed];
  let index = 0;
  for (const doc of list) {
    const i = index++;
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const pos = lineCounter.linePos(e.pos[0]);
        diagnostics.push({
          code: 'input/yaml-syntax',
          severity: 'error',
          file,
          line: pos.line,
          column: pos.col,
          message: `YAML syntax error: ${e.message.split('\n')[0]}`,
        });
      }
      continue;
    }
    if (doc.contents === null) continue; // empty document (e.g. trailing ---)
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      diagnostics.push({ code: 'input/yaml-syntax', severity: 'error', file, message: String((err as Error).message) });
      continue;
    }
    if (value === null || value === undefined) continue;
    const start = doc.contents.range?.[0] ?? 0;
    const p0 = lineCounter.linePos(start);
    if (!isManifest(value)) {
      diagnostics.push({
        code: 'input/not-an-object',
        severity: 'error',
        file,
        line: p0.line,
        column: p0.col,
        message: `document ${i + 1} is not a Kubernetes object (needs apiVersion and kind)`,
      });
      continue;
    }
    const object = value as Manifest;
    if (!object.metadata || typeof object.metadata !== 'object') object.metadata = {};
    const contents = doc.contents as Node;
    docs.push({
      object,
      file,
      index: i,
      positionOf(path): SourcePosition | undefined {
        const n = nodeAt(contents, path);
        const off = n?.range?.[0];
        if (off === undefined) return undefined;
        const p = lineCounter.linePos(off);
        return { line: p.line, column: p.col };
      },
    });
  }
  return { docs, diagnostics };
}

/** Wraps in-memory objects (for example freshly rendered ones) as SourceDocs without positions. */
export function docsFromObjects(objects: readonly Manifest[], file = '<generated>'): SourceDoc[] {
  return objects.map((object, index) => ({ object, file, index, positionOf: () => undefined }));
}
