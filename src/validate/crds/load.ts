import { readdir, readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { CrdSet, isCrdObject } from './crd-set.js';

/** Largest CRD file we read (the biggest official bundles are a few MiB). */
export const MAX_CRD_FILE_BYTES = 64 * 1024 * 1024;

const YAML_FILE = /\.(ya?ml|json)$/i;

/** `$TE_CRD_CACHE`, else `$XDG_CACHE_HOME/traffic-engineer/crds`, else `~/.cache/traffic-engineer/crds`. */
export function defaultCrdCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TE_CRD_CACHE) return env.TE_CRD_CACHE;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'traffic-engineer', 'crds');
}

/**
 * Adds every CRD document of a (multi-document) YAML or JSON text to `set`.
 * Other documents (ValidatingAdmissionPolicy, kustomization, Namespaces...) are skipped.
 * Returns how many CRDs were added.
 */
export function addCrdsFromText(set: CrdSet, text: string, source: string): number {
  let added = 0;
  for (const doc of parseAllDocuments(text, { uniqueKeys: false })) {
    if (doc.errors.length > 0) {
      set.diagnostics.push({
        code: 'crds/yaml-syntax',
        severity: 'error',
        file: source,
        message: `${source}: YAML syntax error: ${doc.errors[0].message.split('\n')[0]}`,
      });
      continue;
    }
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (!isCrdObject(value)) continue;
    set.add(value, source);
    added++;
  }
  return added;
}

/** Adds in-memory CRD objects (for example read from a cluster). Non-CRD objects are ignored. */
export function addCrdObjects(set: CrdSet, objects: readonly unknown[], source = '<cluster>'): number {
  let added = 0;
  for (const o of objects) {
    if (!isCrdObject(o)) continue;
    set.add(o, source);
    added++;
  }
  return added;
}

async function filesUnder(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const p = join(path, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else if (e.isFile() && YAML_FILE.test(e.name)) out.push(p);
  }
  return out;
}

/**
 * Loads CRDs from files and directories (recursively, in name order), in the order given:
 * for a group/kind defined twice, the last source wins (reported as `crds/replaced`, info).
 * Unreadable paths and oversized files become error diagnostics in `set.diagnostics`.
 */
export async function loadCrds(paths: readonly string[], set: CrdSet = new CrdSet()): Promise<CrdSet> {
  for (const p of paths) {
    let files: string[];
    try {
      const st = await stat(p);
      files = st.isDirectory() ? await filesUnder(p) : [p];
    } catch (err) {
      set.diagnostics.push({
        code: 'crds/unreadable',
        severity: 'error',
        file: p,
        message: `cannot read CRDs from ${p}: ${(err as Error).message}`,
      });
      continue;
    }
    for (const f of files) await loadFile(set, f);
  }
  return set;
}

async function loadFile(set: CrdSet, file: string): Promise<void> {
  try {
    const st = await stat(file);
    if (st.size > MAX_CRD_FILE_BYTES) {
      set.diagnostics.push({
        code: 'crds/too-large',
        severity: 'error',
        file,
        message: `${file} is larger than ${MAX_CRD_FILE_BYTES / 1024 / 1024} MiB; not read`,
      });
      return;
    }
    addCrdsFromText(set, await readFile(file, 'utf8'), file);
  } catch (err) {
    set.diagnostics.push({
      code: 'crds/unreadable',
      severity: 'error',
      file,
      message: `cannot read ${file}: ${(err as Error).message}`,
    });
  }
}

/**
 * Loads the local CRD cache filled by `crds pull`. A missing cache is not an error: it yields
 * an empty set with an info diagnostic telling how to fill it.
 */
export async function loadCrdCache(dir: string = defaultCrdCacheDir(), set: CrdSet = new CrdSet()): Promise<CrdSet> {
  try {
    await stat(dir);
  } catch {
    set.diagnostics.push({
      code: 'crds/no-cache',
      severity: 'info',
      file: dir,
      message: `no CRD cache at ${dir}`,
      hint: 'run `traffic-engineer crds pull` to download the official CRDs, or pass --crds DIR',
    });
    return set;
  }
  return loadCrds([dir], set);
}
