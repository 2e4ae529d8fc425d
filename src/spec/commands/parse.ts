import { Check, type ManualCheck } from '../checks.js';
import { recogniseBurst } from './burst.js';
import type { Recogniser, UnitContext } from './context.js';
import { recogniseDryRun } from './dry-run.js';
import { recogniseHttp } from './http.js';
import { recogniseJson } from './json.js';
import { parsePipeline } from './pipeline.js';
import { recogniseResource } from './resource.js';
import { type CommandUnit, MAX_UNIT_CHARS, splitUnits } from './units.js';

/** Recognisers, tried in order; the first that claims a command decides. */
const RECOGNISERS: readonly Recogniser[] = [
  recogniseBurst,
  recogniseHttp,
  recogniseJson,
  recogniseResource,
  recogniseDryRun,
];

/** Longest expectation text we interpret. */
const MAX_EXPECTED_CHARS = 4096;

/** One parsed command with where it came from. */
export interface ParsedCommand {
  check: Check;
  /** 1-based line of the command within the block. */
  line: number;
}

export interface ParseCommandsOptions {
  /**
   * The text of an **Output:** block shown after the bash block; it is the expectation of the
   * block's last command when that command has no `# Expected:` comment.
   */
  output?: string;
}

function manual(unit: CommandUnit, reason: string): ManualCheck {
  const check: ManualCheck = { kind: 'manual', command: unit.text.trim(), reason };
  if (unit.expected !== undefined && unit.expected !== '') check.expected = unit.expected;
  return check;
}

/** Classifies one command unit. Never throws; what is not understood becomes a manual check. */
export function classifyUnit(unit: CommandUnit, output?: string): Check {
  if (unit.error) return manual(unit, unit.error);
  if (unit.text.length > MAX_UNIT_CHARS) return manual(unit, `command is longer than ${MAX_UNIT_CHARS} characters`);
  const parsed = parsePipeline(unit.text);
  if (!parsed.ok) return manual(unit, parsed.reason);
  const expected = unit.expected !== undefined && unit.expected !== '' ? unit.expected : output?.trim() || undefined;
  if (expected !== undefined && expected.length > MAX_EXPECTED_CHARS)
    return manual(unit, `expected text is longer than ${MAX_EXPECTED_CHARS} characters`);
  const ctx: UnitContext = {
    pipeline: parsed.pipeline,
    raw: unit.text.trim(),
    expected,
    fromOutput: (unit.expected === undefined || unit.expected === '') && expected !== undefined,
  };
  for (const recognise of RECOGNISERS) {
    const r = recognise(ctx);
    if (r === undefined) continue;
    if ('reason' in r) return manual(unit, r.reason);
    const valid = Check.safeParse(r.check);
    if (!valid.success) return manual(unit, `parsed check is invalid: ${valid.error.issues[0]?.message ?? 'unknown'}`);
    return valid.data;
  }
  const first = parsed.pipeline.stages[0] ?? [];
  const verb = first[0] === 'kubectl' ? first.slice(1).find((w) => !w.startsWith('-')) : undefined;
  const program = parsed.pipeline.loop ? 'for-loop' : `${first[0] ?? ''}${verb ? ` ${verb}` : ''}`;
  return manual(unit, `"${program.slice(0, 40)}" is not a command the check parser knows`);
}

/** Like parseValidationCommands, with each check's line in the block. */
export function parseValidationBlock(block: string, opts: ParseCommandsOptions = {}): ParsedCommand[] {
  const units = splitUnits(block);
  return units.map((unit, i) => ({
    check: classifyUnit(unit, i === units.length - 1 ? opts.output : undefined),
    line: unit.line,
  }));
}

/**
 * Parses the validation commands of one ```bash block into structured checks: http, burst,
 * json, resource and dry-run checks; every other command is kept verbatim as a manual check
 * with the reason it was not understood. `# Expected: …` comments after a command are its
 * expectation; `opts.output` (an **Output:** block) serves the last command if it has none.
 * Pure: nothing is evaluated or executed, and work is linear in the block's size.
 */
export function parseValidationCommands(block: string, opts: ParseCommandsOptions = {}): Check[] {
  return parseValidationBlock(block, opts).map((p) => p.check);
}
