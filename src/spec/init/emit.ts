import { Document, isCollection, isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { formatPath } from '../../model/diagnostic.js';
import type { Note } from './draft.js';

function append(existing: string | null | undefined, text: string): string {
  return existing ? `${existing}\n ${text}` : ` ${text}`;
}

/** The pair (for a map key) or item node (for a sequence index) at `path`. */
function locate(doc: Document, path: Note['path']): { pair?: Pair; node?: Node } {
  let cur: unknown = doc.contents;
  let found: { pair?: Pair; node?: Node } = {};
  for (const seg of path) {
    if (isMap(cur)) {
      const pair = cur.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === seg);
      if (!pair) return {};
      found = { pair, node: pair.value as Node };
      cur = pair.value;
    } else if (isSeq(cur) && typeof seg === 'number') {
      const item = cur.items[seg] as Node | undefined;
      if (!item) return {};
      found = { node: item };
      cur = item;
    } else return {};
  }
  return found;
}

/**
 * Serialises the drafted spec with its notes as YAML comments: `line` notes above the key,
 * `inline` notes after scalar values; TODO notes start with `TODO:`. A note whose path is
 * missing from the object is put at the top, so none is lost.
 */
export function emitYaml(spec: unknown, notes: readonly Note[], header: readonly string[]): string {
  const doc = new Document(spec);
  const orphans: string[] = [];
  for (const n of notes) {
    const text = n.todo ? `TODO: ${n.text}` : n.text;
    const { pair, node } = locate(doc, n.path);
    if (n.at === 'inline' && node && isScalar(node)) node.comment = append(node.comment, text);
    else if (pair && isScalar(pair.key)) pair.key.commentBefore = append(pair.key.commentBefore, text);
    else if (node && (isCollection(node) || isScalar(node))) node.commentBefore = append(node.commentBefore, text);
    else orphans.push(`${formatPath(n.path)}: ${text}`);
  }
  doc.commentBefore = [...header, ...orphans].map((l) => ` ${l}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}
