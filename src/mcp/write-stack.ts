/**
 * Writes a generated stack to a new directory for generate_stack's outputDir: one file per resource in
 * apply order plus kustomization.yaml, Secrets at mode 0600, staged in a sibling directory and renamed
 * into place (the same layout and the same atomicity as `traffic-engineer generate -o DIR`). Never
 * replaces anything: an existing non-empty directory is refused.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Manifest } from '../model/manifest.js';

export async function writeStackDir(dir: string, manifests: readonly Manifest[]): Promise<string[] | string> {
  const { fileNameFor, kustomization, toYamlStream } = await import('../render/output.js');
  const existing = await readdir(dir).catch(() => undefined);
  if (existing && existing.length > 0) return `${dir} exists and is not empty; choose a new outputDir`;
  const files = manifests.map((m, i) => ({
    name: fileNameFor(m, i),
    content: toYamlStream([m]),
    mode: m.kind === 'Secret' ? 0o600 : 0o644,
  }));
  files.push({ name: 'kustomization.yaml', content: kustomization(files.map((f) => f.name)), mode: 0o644 });
  await mkdir(dirname(dir), { recursive: true });
  const stage = join(dirname(dir), `.${basename(dir)}.${randomBytes(4).toString('hex')}.tmp`);
  await mkdir(stage, { mode: 0o755 });
  try {
    for (const f of files) {
      await writeFile(join(stage, f.name), f.content, { mode: f.mode, flag: 'wx' });
      await chmod(join(stage, f.name), f.mode);
    }
    if (existing) await rm(dir, { recursive: true }); // empty directory
    await rename(stage, dir);
  } catch (err) {
    await rm(stage, { recursive: true, force: true });
    throw err;
  }
  return files.map((f) => f.name);
}
