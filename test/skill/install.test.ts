import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../../src/cli/command.js';
import { PACKAGE_ROOT, serverEntry, skillCommand } from '../../src/cli/commands/skill.js';

function io(env: NodeJS.ProcessEnv = {}): CommandIO & { err: string[] } {
  const err: string[] = [];
  return {
    err,
    stdout: () => {},
    stderr: (t) => err.push(t),
    readStdin: async () => '',
    cwd: process.cwd(),
    env,
    isTTY: false,
  };
}
const run = (args: { project?: string; user?: boolean; force?: boolean }, env?: NodeJS.ProcessEnv) => {
  const o = io(env);
  return skillCommand
    .run({ user: false, force: false, ...args }, ['install'], o)
    .then((code) => ({ code, err: o.err.join('') }));
};
const tmp = () => mkdtempSync(join(tmpdir(), 'te-skill-'));

describe('skill install --project', () => {
  it('copies SKILL.md with the references and templates it links, and registers the server in .mcp.json', async () => {
    const dir = tmp();
    const r = await run({ project: dir });
    expect(r.code).toBe(0);
    const skill = join(dir, '.claude/skills/traffic-engineer');
    expect(readFileSync(join(skill, 'SKILL.md'), 'utf8')).toMatch(/^---\nname: traffic-engineer\n/);
    expect(readdirSync(join(skill, 'references'))).toContain('ratelimit.md');
    expect(readdirSync(join(skill, 'templates'))).toContain('gateway.yaml.njk');
    expect(statSync(join(skill, 'references')).isDirectory()).toBe(true); // real files, not links into this repo
    const mcp = JSON.parse(readFileSync(join(dir, '.mcp.json'), 'utf8'));
    expect(mcp.mcpServers['traffic-engineer']).toEqual(serverEntry());
    expect(serverEntry().args[0]).toBe(join(PACKAGE_ROOT, 'dist', 'mcp.js'));
  });

  it('merges into an existing .mcp.json without touching other servers or keys', async () => {
    const dir = tmp();
    const other = { command: 'uvx', args: ['other-server'] };
    writeFileSync(join(dir, '.mcp.json'), JSON.stringify({ mcpServers: { other }, extra: 1 }));
    expect((await run({ project: dir })).code).toBe(0);
    const mcp = JSON.parse(readFileSync(join(dir, '.mcp.json'), 'utf8'));
    expect(mcp).toEqual({ mcpServers: { other, 'traffic-engineer': serverEntry() }, extra: 1 });
  });

  it('refuses to replace an existing skill or a different server entry without --force, changing nothing', async () => {
    const dir = tmp();
    expect((await run({ project: dir })).code).toBe(0);
    writeFileSync(join(dir, '.claude/skills/traffic-engineer/SKILL.md'), 'mine');
    const again = await run({ project: dir });
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists; pass --force/);
    expect(readFileSync(join(dir, '.claude/skills/traffic-engineer/SKILL.md'), 'utf8')).toBe('mine');

    const dir2 = tmp();
    const theirs = { command: 'node', args: ['/somewhere/else.js'] };
    writeFileSync(join(dir2, '.mcp.json'), JSON.stringify({ mcpServers: { 'traffic-engineer': theirs } }));
    const r = await run({ project: dir2 });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/registers "traffic-engineer" differently/);
    expect(JSON.parse(readFileSync(join(dir2, '.mcp.json'), 'utf8')).mcpServers['traffic-engineer']).toEqual(theirs);
    expect(() => statSync(join(dir2, '.claude'))).toThrow(); // nothing written

    const forced = await run({ project: dir, force: true });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, '.claude/skills/traffic-engineer/SKILL.md'), 'utf8')).toMatch(/^---/);
  });

  it('refuses a .mcp.json that is not JSON', async () => {
    const dir = tmp();
    writeFileSync(join(dir, '.mcp.json'), '{ nope');
    const r = await run({ project: dir });
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, '.mcp.json'), 'utf8')).toBe('{ nope');
  });

  it('needs exactly one of --project and --user', async () => {
    expect((await run({})).code).toBe(2);
    expect((await run({ project: tmp(), user: true })).code).toBe(2);
  });
});

describe('skill install --user', () => {
  it('installs into ~/.claude/skills and merges ~/.claude.json, keeping its other keys and its mode', async () => {
    const home = tmp();
    mkdirSync(join(home, '.claude'));
    const existing = {
      numStartups: 3,
      projects: { '/x': { mcpServers: { p: { command: 'p' } } } },
      mcpServers: { u: { command: 'u' } },
    };
    writeFileSync(join(home, '.claude.json'), JSON.stringify(existing), { mode: 0o600 });
    const r = await run({ user: true }, { HOME: home });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/claude mcp add --scope user traffic-engineer/);
    expect(r.err).toMatch(/rewrites ~\/\.claude\.json/);
    const cfg = JSON.parse(readFileSync(join(home, '.claude.json'), 'utf8'));
    expect(cfg).toEqual({ ...existing, mcpServers: { u: { command: 'u' }, 'traffic-engineer': serverEntry() } });
    expect(statSync(join(home, '.claude.json')).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(home, '.claude/skills/traffic-engineer'))).toEqual(['SKILL.md', 'references', 'templates']);
    // Running it again: the skill exists (refused), the server entry is the same.
    expect((await run({ user: true }, { HOME: home })).code).toBe(2);
  });
});

it('uses npx when this copy runs from the npx cache', () => {
  expect(serverEntry('/home/u/.npm/_npx/abc/node_modules/traffic-engineer/')).toEqual({
    command: 'npx',
    args: ['-y', 'traffic-engineer', 'mcp'],
  });
});
