import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Manifest } from '../model/manifest.js';

export class OutputExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; pass --force to overwrite it`);
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

const tmpName = (p: string) => join(dirname(p), `.${basename(p)}.${randomBytes(4).toString('hex')}.tmp`);

/**
 * Writes a file atomically (temp file in the same directory, then rename), so readers never see half a file.
 * Refuses to replace an existing file unless `force`.
 */
export async function writeFileAtomic(
  path: string,
  content: string,
  opts: { force?: boolean; mode?: number } = {},
): Promise<void> {
  if (!opts.force && (await exists(path))) throw new OutputExistsError(path);
  await mkdir(dirname(path), { recursive: true });
  const tmp = tmpName(path);
  try {
    await writeFile(tmp, content, { mode: opts.mode ?? 0o644, flag: 'wx' });
    if (opts.mode !== undefined) await chmod(tmp, opts.mode);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Writes a set of files as one directory, atomically: everything is staged in a sibling temp directory
 * that replaces the target in one rename. An existing non-empty directory is replaced only with `force`.
 */
export async function writeDirAtomic(
  dir: string,
  files: readonly { name: string; content: string; mode?: number }[],
  opts: { force?: boolean } = {},
): Promise<void> {
  const present = await exists(dir);
  if (present && !opts.force && (await readdir(dir)).length > 0) throw new OutputExistsError(dir);
  await mkdir(dirname(dir), { recursive: true });
  const tmp = tmpName(dir);
  await mkdir(tmp, { mode: 0o755 });
  try {
    for (const f of files) {
      await writeFile(join(tmp, f.name), f.content, { mode: f.mode ?? 0o644, flag: 'wx' });
      if (f.mode !== undefined) await chmod(join(tmp, f.name), f.mode);
    }
    if (present) {
      const old = tmpName(dir);
      await rename(dir, old);
      await rename(tmp, dir);
      await rm(old, { recursive: true, force: true });
    } else await rename(tmp, dir);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

export interface StackFile {
  name: string;
  content: string;
  mode?: number;
}

/** A stack as files, in apply order: `NN-kind-name.yaml` per resource (Secrets at 0600) plus kustomization.yaml. */
export async function stackFiles(
  manifests: readonly Manifest[],
  format: 'yaml' | 'json' = 'yaml',
): Promise<StackFile[]> {
  const { fileNameFor, kustomization, toYamlStream } = await import('../render/output.js');
  const files: StackFile[] = manifests.map((m, i) => ({
    name: format === 'json' ? fileNameFor(m, i).replace(/\.yaml$/, '.json') : fileNameFor(m, i),
    content: format === 'json' ? `${JSON.stringify(m, null, 2)}\n` : toYamlStream([m]),
    ...(m.kind === 'Secret' ? { mode: 0o600 } : {}),
  }));
  files.push({ name: 'kustomization.yaml', content: kustomization(files.map((f) => f.name)) });
  return files;
}

/** Writes a stack as one directory (atomically; an existing non-empty one only with `force`). Returns the file names. */
export async function writeStackDir(
  dir: string,
  manifests: readonly Manifest[],
  opts: { force?: boolean; format?: 'yaml' | 'json' } = {},
): Promise<string[]> {
  const files = await stackFiles(manifests, opts.format);
  await writeDirAtomic(dir, files, { force: opts.force });
  return files.map((f) => f.name);
}
