/**
 * `traffic-engineer skill install [--project DIR | --user] [--force]`: puts the Claude Code skill
 * (SKILL.md plus the references and templates it links) into DIR/.claude/skills/traffic-engineer or
 * ~/.claude/skills/traffic-engineer, and registers the MCP server: merged into DIR/.mcp.json (project)
 * or ~/.claude.json (user; Claude Code's user-scope servers). Other entries are never touched; nothing
 * existing is replaced without --force; every file is written atomically.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { writeFileAtomic } from '../../core/write-output.js';
import { defineCommand, EXIT } from '../command.js';

export const SKILL_NAME = 'traffic-engineer';
export const SERVER_NAME = 'traffic-engineer';

/** Package root: this file is src/cli/commands/skill.ts or dist/cli/commands/skill.js. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface McpEntry {
  command: string;
  args: string[];
}

/** How Claude Code should start the server: the bundle of this copy, or npx when this copy is npx's cache. */
export function serverEntry(root = PACKAGE_ROOT): McpEntry {
  if (root.includes(`${sep}_npx${sep}`)) return { command: 'npx', args: ['-y', 'traffic-engineer', 'mcp'] };
  return { command: 'node', args: [join(root, 'dist', 'mcp.js')] };
}

class Refused extends Error {}

const tmpSibling = (p: string) => join(dirname(p), `.${p.split(sep).pop()}.${randomBytes(4).toString('hex')}.tmp`);

/** Copies the skill into `dest` via a staging directory renamed into place. */
async function installSkill(dest: string, root: string, force: boolean): Promise<string[]> {
  if (existsSync(dest) && !force) throw new Refused(`${dest} already exists; pass --force to replace it`);
  const stage = tmpSibling(dest);
  await mkdir(stage, { recursive: true });
  try {
    await cp(join(root, 'skills', SKILL_NAME, 'SKILL.md'), join(stage, 'SKILL.md'));
    for (const [dir, suffix] of [
      ['references', '.md'],
      ['templates', '.yaml.njk'],
    ] as const) {
      await mkdir(join(stage, dir));
      for (const f of (await readdir(join(root, dir))).filter((n) => n.endsWith(suffix)))
        await cp(join(root, dir, f), join(stage, dir, f), { dereference: true });
    }
    if (existsSync(dest)) await rm(dest, { recursive: true, force: true });
    await mkdir(dirname(dest), { recursive: true });
    await rename(stage, dest);
  } catch (err) {
    await rm(stage, { recursive: true, force: true });
    throw err;
  }
  return (await readdir(dest, { recursive: true })).map(String).sort();
}

/** Plans the merge of our server into a JSON file with a top-level `mcpServers` map; null when already there. */
async function mergedConfig(
  file: string,
  entry: McpEntry,
  force: boolean,
): Promise<{ text: string; mode: number } | null> {
  let config: Record<string, unknown> = {};
  let mode = 0o644;
  if (existsSync(file)) {
    mode = (await stat(file)).mode & 0o777;
    try {
      config = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      throw new Refused(`${file} is not valid JSON (${(err as Error).message}); fix it or register by hand`);
    }
    if (!config || typeof config !== 'object' || Array.isArray(config))
      throw new Refused(`${file} is not a JSON object`);
  }
  const servers = (config.mcpServers ?? {}) as Record<string, unknown>;
  if (typeof servers !== 'object' || Array.isArray(servers)) throw new Refused(`${file}: mcpServers is not an object`);
  const existing = servers[SERVER_NAME];
  if (existing && JSON.stringify(existing) === JSON.stringify(entry)) return null;
  if (existing && !force)
    throw new Refused(`${file} already registers "${SERVER_NAME}" differently; pass --force to replace that entry`);
  config.mcpServers = { ...servers, [SERVER_NAME]: entry };
  return { text: `${JSON.stringify(config, null, 2)}\n`, mode };
}

export const skillCommand = defineCommand({
  name: 'skill',
  summary: 'Install the Claude Code skill and register the MCP server (skill install --project DIR | --user)',
  positionals: [{ name: 'action', description: 'install', required: true }],
  options: z.object({
    project: z.string().optional().describe('Project directory: DIR/.claude/skills/traffic-engineer and DIR/.mcp.json'),
    user: z
      .boolean()
      .default(false)
      .describe('For every project: ~/.claude/skills/traffic-engineer and ~/.claude.json'),
    force: z.boolean().default(false).describe('Replace an existing skill directory or a different server entry'),
  }),
  examples: ['traffic-engineer skill install --project .', 'traffic-engineer skill install --user'],
  async run(args, [action], io) {
    if (action !== 'install') {
      io.stderr(`traffic-engineer skill: unknown action "${action}" (expected: install)\n`);
      return EXIT.usage;
    }
    if (!args.user === !args.project) {
      io.stderr('traffic-engineer skill install: give exactly one of --project DIR or --user\n');
      return EXIT.usage;
    }
    const home = io.env.HOME ?? io.env.USERPROFILE;
    if (args.user && !home) {
      io.stderr('traffic-engineer skill install: HOME is not set\n');
      return EXIT.usage;
    }
    const base = args.project ? resolve(io.cwd, args.project) : (home as string);
    if (args.project && !existsSync(base)) {
      io.stderr(`traffic-engineer skill install: ${base} does not exist\n`);
      return EXIT.usage;
    }
    const dest = join(base, '.claude', 'skills', SKILL_NAME);
    const configFile = args.project ? join(base, '.mcp.json') : join(base, '.claude.json');
    const entry = serverEntry();
    try {
      // Decide everything before writing anything: a refusal leaves both places untouched.
      if (existsSync(dest) && !args.force) throw new Refused(`${dest} already exists; pass --force to replace it`);
      const merged = await mergedConfig(configFile, entry, args.force);
      const files = await installSkill(dest, PACKAGE_ROOT, args.force);
      io.stderr(`installed the skill in ${dest} (${files.filter((f) => /\.(md|njk)$/.test(f)).length} files)\n`);
      if (merged) {
        const again = await mergedConfig(configFile, entry, args.force); // re-read: the file may have changed meanwhile
        if (again) {
          await writeFileAtomic(configFile, again.text, { force: true, mode: again.mode });
          await chmod(configFile, again.mode);
        }
        io.stderr(
          `registered MCP server "${SERVER_NAME}" in ${configFile}: ${entry.command} ${entry.args.join(' ')}\n`,
        );
      } else io.stderr(`MCP server "${SERVER_NAME}" already registered in ${configFile}\n`);
      if (entry.command === 'node' && !existsSync(entry.args[0]))
        io.stderr(`note: ${entry.args[0]} does not exist yet; run \`npm run build\` in ${PACKAGE_ROOT}\n`);
      if (args.user)
        io.stderr(
          `A running Claude Code rewrites ~/.claude.json from memory: restart it now, or register with \`claude mcp add --scope user ${SERVER_NAME} -- ${entry.command} ${entry.args.join(' ')}\` instead.\n`,
        );
      else io.stderr('Claude Code asks once to approve project servers from .mcp.json.\n');
      return EXIT.ok;
    } catch (err) {
      if (err instanceof Refused) {
        io.stderr(`traffic-engineer skill install: ${err.message}\n`);
        return EXIT.usage;
      }
      throw err;
    }
  },
});
