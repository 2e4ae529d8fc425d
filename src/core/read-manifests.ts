import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { parseManifestStream } from '../model/load-yaml.js';
import type { Manifest, SourceDoc } from '../model/manifest.js';
import { readInputFile } from './read-input.js';

const MANIFEST_FILE = /\.(ya?ml|json)$/i;
/** Most files a directory argument may expand to. */
export const MAX_MANIFEST_FILES = 10_000;

export interface ReadManifestsResult {
  docs: SourceDoc[];
  diagnostics: Diagnostic[];
  /** True when some input could not be read at all (CLI exit 2). */
  inputError: boolean;
}

async function expand(path: string, out: string[], diagnostics: Diagnostic[]): Promise<boolean> {
  if (path === '-') {
    out.push(path);
    return true;
  }
  let st: Awaited<ReturnType<typeof stat>>;
  try {
    st = await stat(path);
  } catch {
    diagnostics.push({
      code: 'input/unreadable',
      severity: 'error',
      file: path,
      message: `cannot read ${path}: no such file or directory`,
    });
    return false;
  }
  if (!st.isDirectory()) {
    out.push(path);
    return true;
  }
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(path, e.name);
    if (e.isDirectory()) await expand(p, out, diagnostics);
    else if (e.isFile() && MANIFEST_FILE.test(e.name) && e.name !== 'kustomization.yaml') out.push(p);
    if (out.length > MAX_MANIFEST_FILES) {
      diagnostics.push({
        code: 'input/too-many-files',
        severity: 'error',
        file: path,
        message: `${path} holds more than ${MAX_MANIFEST_FILES} manifest files`,
      });
      return false;
    }
  }
  return true;
}

/**
 * Reads Kubernetes manifests from files, directories (recursively, *.yaml|*.yml|*.json, name order,
 * kustomization.yaml skipped) and `-` (stdin), keeping each document's source positions.
 */
export async function readManifests(
  paths: readonly string[],
  readStdin?: () => Promise<string>,
): Promise<ReadManifestsResult> {
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  let inputError = false;
  for (const p of paths) if (!(await expand(p, files, diagnostics))) inputError = true;
  const docs: SourceDoc[] = [];
  for (const f of files) {
    const read = await readInputFile(f, readStdin);
    if (!read.ok) {
      diagnostics.push(read.diagnostic);
      inputError = true;
      continue;
    }
    const parsed = read.file.endsWith('.json')
      ? parseJsonManifests(read.text, read.file)
      : parseManifestStream(read.text, read.file);
    docs.push(...parsed.docs);
    diagnostics.push(...parsed.diagnostics);
  }
  return { docs, diagnostics, inputError };
}

/** A JSON file holds one object or a `List`; YAML is a superset of JSON, so positions come from the YAML parser. */
function parseJsonManifests(text: string, file: string) {
  const parsed = parseManifestStream(text, file);
  const docs: SourceDoc[] = [];
  for (const d of parsed.docs) {
    if (d.object.kind === 'List' && Array.isArray(d.object.items)) {
      for (const [i, object] of (d.object.items as Manifest[]).entries())
        docs.push({ object, file, index: i, positionOf: (p) => d.positionOf(['items', i, ...p]) });
    } else docs.push(d);
  }
  return { docs, diagnostics: parsed.diagnostics };
}
