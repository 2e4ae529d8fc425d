import { parseArgs } from 'node:util';
import type * as z from 'zod';
import type { Command } from './command.js';

type Kind = 'boolean' | 'string' | 'number' | 'string[]' | 'number[]';

export interface FlagInfo {
  key: string;
  flag: string;
  kind: Kind;
  description: string;
  choices?: string[];
  defaultValue?: unknown;
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function unwrap(s: any): { def: any; defaultValue?: unknown } {
  let defaultValue: unknown;
  for (let i = 0; i < 10; i++) {
    const def = s?._zod?.def;
    if (!def) break;
    if (def.type === 'default') {
      defaultValue = typeof def.defaultValue === 'function' ? def.defaultValue() : def.defaultValue;
      s = def.innerType;
    } else if (def.type === 'optional' || def.type === 'nullable') s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else break;
  }
  return { def: s?._zod?.def, defaultValue };
}

/** Flags derived from a command's zod options. */
export function flagsOf(options: z.ZodObject): FlagInfo[] {
  return Object.entries(options.shape).map(([key, schema]) => {
    const { def, defaultValue } = unwrap(schema);
    let kind: Kind = 'string';
    let choices: string[] | undefined;
    const scalar = (d: any): Kind => (d?.type === 'boolean' ? 'boolean' : d?.type === 'number' ? 'number' : 'string');
    if (def?.type === 'array') kind = scalar(unwrap(def.element).def) === 'number' ? 'number[]' : 'string[]';
    else kind = scalar(def);
    if (def?.type === 'enum') choices = Object.values(def.entries) as string[];
    return {
      key,
      flag: kebab(key),
      kind,
      description: (schema as z.ZodType).description ?? '',
      ...(choices ? { choices } : {}),
      ...(defaultValue !== undefined ? { defaultValue } : {}),
    };
  });
}

export type ParsedArgs =
  | { ok: true; values: Record<string, unknown>; positionals: string[]; help: boolean }
  | { ok: false; error: string };

/** Parses argv for a command: unknown flags and bad values are usage errors, never exceptions. */
export function parseCommandArgs(cmd: Command, argv: string[]): ParsedArgs {
  const flags = flagsOf(cmd.options);
  const byShort = Object.fromEntries(Object.entries(cmd.short ?? {}).map(([s, k]) => [k, s]));
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const f of flags)
    options[f.flag] = {
      type: f.kind === 'boolean' ? 'boolean' : 'string',
      ...(f.kind.endsWith('[]') ? { multiple: true } : {}),
      ...(byShort[f.key] ? { short: byShort[f.key] } : {}),
    };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    return { ok: false, error: (err as Error).message.replace(/\. To specify a positional.*$/s, '') };
  }
  const raw: Record<string, unknown> = {};
  for (const f of flags) {
    const v = (parsed.values as Record<string, unknown>)[f.flag];
    if (v === undefined) continue;
    if (f.kind === 'number' || f.kind === 'number[]') {
      const nums = (Array.isArray(v) ? v : [v]).map(Number);
      if (nums.some((n) => !Number.isFinite(n))) return { ok: false, error: `--${f.flag} needs a number` };
      raw[f.key] = f.kind === 'number' ? nums[0] : nums;
    } else raw[f.key] = v;
  }
  if (parsed.values.help) return { ok: true, values: raw, positionals: parsed.positionals, help: true };
  const r = cmd.options.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    const key = String(i.path[0] ?? '');
    return { ok: false, error: `${key ? `--${kebab(key)}: ` : ''}${i.message}` };
  }
  const required = cmd.positionals.filter((p) => p.required).length;
  if (parsed.positionals.length < required)
    return { ok: false, error: `missing argument ${cmd.positionals[parsed.positionals.length]?.name ?? ''}` };
  const variadic = cmd.positionals.some((p) => p.variadic);
  if (!variadic && parsed.positionals.length > cmd.positionals.length)
    return { ok: false, error: `unexpected argument "${parsed.positionals[cmd.positionals.length]}"` };
  return { ok: true, values: r.data as Record<string, unknown>, positionals: parsed.positionals, help: false };
}

/** `--help` text, generated from the command's schema. */
export function helpText(cmd: Command): string {
  const pos = cmd.positionals.map((p) =>
    p.required ? `<${p.name}${p.variadic ? '…' : ''}>` : `[${p.name}${p.variadic ? '…' : ''}]`,
  );
  const shortOf = Object.fromEntries(Object.entries(cmd.short ?? {}).map(([s, k]) => [k, s]));
  const lines = [
    `Usage: traffic-engineer ${cmd.name} ${pos.join(' ')} [options]`.replace(/ +/g, ' ').trim(),
    '',
    cmd.summary,
    '',
  ];
  if (cmd.positionals.length) {
    lines.push('Arguments:');
    for (const p of cmd.positionals) lines.push(`  ${p.name.padEnd(24)} ${p.description}`);
    lines.push('');
  }
  lines.push('Options:');
  for (const f of flagsOf(cmd.options)) {
    const s = shortOf[f.key] ? `-${shortOf[f.key]}, ` : '    ';
    const val =
      f.kind === 'boolean'
        ? ''
        : f.choices
          ? ` <${f.choices.join('|')}>`
          : f.kind.startsWith('number')
            ? ' <n>'
            : ' <value>';
    const rep = f.kind.endsWith('[]') ? ' (repeatable)' : '';
    const def =
      f.defaultValue !== undefined && f.kind !== 'boolean' ? ` [default: ${JSON.stringify(f.defaultValue)}]` : '';
    lines.push(`  ${`${s}--${f.flag}${val}`.padEnd(34)} ${f.description}${rep}${def}`);
  }
  lines.push(`  ${'-h, --help'.padEnd(34)} Show this help`);
  if (cmd.examples?.length) lines.push('', 'Examples:', ...cmd.examples.map((e) => `  ${e}`));
  return `${lines.join('\n')}\n`;
}
