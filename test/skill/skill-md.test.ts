import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { enabledTools } from '../../src/mcp/server.js';

const dir = 'skills/traffic-engineer';
const text = readFileSync(join(dir, 'SKILL.md'), 'utf8');
const [, front, body] = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/) ?? [];
const meta = parse(front ?? '') as Record<string, string>;
const toolNames = new Set(enabledTools({ allowApply: true }).map((t) => t.name));

describe('skills/traffic-engineer/SKILL.md', () => {
  it('has valid frontmatter (Agent Skills spec: allowed keys, name = folder, description ≤ 1024 without < >)', () => {
    expect(front).toBeDefined();
    expect(
      Object.keys(meta).every((k) =>
        ['name', 'description', 'license', 'allowed-tools', 'metadata', 'compatibility'].includes(k),
      ),
    ).toBe(true);
    expect(meta.name).toBe('traffic-engineer');
    expect(meta.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(meta.description.length).toBeGreaterThan(100);
    expect(meta.description.length).toBeLessThanOrEqual(1024);
    expect(meta.description).not.toMatch(/[<>]/);
  });

  it('stays under 500 lines', () => {
    expect(text.split('\n').length).toBeLessThan(500);
  });

  it('names only tools the server has, and covers every tool', () => {
    const allowed = (meta['allowed-tools'] ?? '').split(/\s+/).filter(Boolean);
    for (const a of allowed) expect(toolNames, a).toContain(a.replace(/^mcp__traffic-engineer__/, ''));
    const named = new Set([...body.matchAll(/`([a-z]+(?:_[a-z]+)+|recommend|troubleshoot)`/g)].map((m) => m[1]));
    for (const n of named) expect(toolNames, `SKILL.md names \`${n}\``).toContain(n);
    for (const t of toolNames) expect(named, `SKILL.md does not mention ${t}`).toContain(t);
  });

  it('links only to references that exist, and lists every reference', () => {
    const links = [...body.matchAll(/\]\((references\/[^)]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(3);
    for (const l of links) expect(existsSync(join(dir, l)), l).toBe(true);
    for (const f of readdirSync('references')) expect(links, f).toContain(`references/${f}`);
  });

  it('documents every template in templates/ (and no other)', () => {
    const table = [...body.matchAll(/^\| `([a-z-]+)` \| /gm)].map((m) => m[1]);
    const templates = readdirSync('templates').map((f) => f.replace(/\.yaml\.njk$/, ''));
    expect(new Set(table.filter((t) => templates.includes(t) || !t.includes('_')))).toEqual(new Set(templates));
  });

  it('has the decision tree and troubleshooting rows the issue asks for', () => {
    for (const q of [
      'External access?',
      'Several API versions?',
      'Per-user quotas?',
      'overload?',
      'TLS?',
      'Event-driven scaling',
      'Cost-sensitive?',
      'LLM traffic?',
    ])
      expect(body).toContain(q);
    for (const s of [
      '404 on all requests',
      'No rate limiting',
      'TLS handshake fails',
      'KEDA not scaling',
      '503 under low load',
      'Slow cold start',
    ])
      expect(body).toContain(s);
  });

  it('is found by Claude Code in this repo (.claude/skills/traffic-engineer) with its links resolving', () => {
    expect(readFileSync('.claude/skills/traffic-engineer/SKILL.md', 'utf8')).toBe(text);
    expect(existsSync('.claude/skills/traffic-engineer/references/ratelimit.md')).toBe(true);
  });
});

describe('.claude/settings.json', () => {
  it('pre-approves the project server and only read-only tools that exist', () => {
    const cfg = JSON.parse(readFileSync('.claude/settings.json', 'utf8'));
    expect(cfg.enabledMcpjsonServers).toEqual(['traffic-engineer']);
    const byName = new Map(enabledTools({ allowApply: true }).map((t) => [t.name, t]));
    for (const a of cfg.permissions.allow as string[]) {
      const t = byName.get(a.replace(/^mcp__traffic-engineer__/, ''));
      expect(t, a).toBeDefined();
      expect(t?.annotations.readOnlyHint || t?.name === 'generate_stack', a).toBe(true);
      expect(
        t?.annotations.openWorldHint === false || t?.name === 'validate_criteria' || t?.name === 'troubleshoot',
        a,
      ).toBe(true);
    }
  });
});

describe('.mcp.json', () => {
  it('registers the traffic-engineer server', () => {
    const cfg = JSON.parse(readFileSync('.mcp.json', 'utf8'));
    const s = cfg.mcpServers['traffic-engineer'];
    expect(s.command).toBe('node');
    expect(existsSync('scripts/build-mcp.mjs')).toBe(true);
    expect(s.args[0]).toMatch(/^(dist\/mcp\.js|bin\/traffic-engineer\.js)$/);
  });
});
