import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Environment } from 'nunjucks';

/** The templates shipped with the package (`templates/` at the package root). */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/**
 * YAML-safe emission: every interpolated value goes out as JSON, which is valid YAML flow syntax.
 * A string can therefore never close its scalar, start a key or a new document.
 */
export function yamlSafe(value: unknown): string {
  if (value === undefined) throw new Error('template interpolated an undefined value');
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`non-finite number ${value} in template`);
  return JSON.stringify(value);
}

const cache = new Map<string, Environment>();

/**
 * Nunjucks environment: autoescape off (the output is YAML, not HTML), throwOnUndefined on,
 * `--templates DIR` searched before the built-in templates so single templates can be overridden.
 * nunjucks is loaded on first use only.
 */
export async function templateEnv(overrideDir?: string): Promise<Environment> {
  const key = overrideDir ?? '';
  const hit = cache.get(key);
  if (hit) return hit;
  const nunjucks = (await import('nunjucks')).default;
  const dirs = [...(overrideDir ? [overrideDir] : []), BUILTIN_TEMPLATES];
  for (const d of dirs) if (!existsSync(d)) throw new Error(`templates directory not found: ${d}`);
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(dirs, { noCache: false }), {
    autoescape: false,
    throwOnUndefined: true,
    trimBlocks: false,
    lstripBlocks: false,
  });
  env.addFilter('y', yamlSafe);
  env.addFilter('b64', (s: string) => Buffer.from(String(s), 'utf8').toString('base64'));
  env.addFilter('int', (s: unknown) => {
    const n = Number.parseInt(String(s), 10);
    if (!Number.isFinite(n)) throw new Error(`not an integer: ${String(s)}`);
    return n;
  });
  cache.set(key, env);
  return env;
}
