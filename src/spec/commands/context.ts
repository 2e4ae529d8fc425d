import type { Check } from '../checks.js';
import type { Pipeline } from './pipeline.js';

/** What a recogniser sees: the parsed pipeline plus the command's expectation. */
export interface UnitContext {
  pipeline: Pipeline;
  /** The command verbatim. */
  raw: string;
  /** `# Expected:` text, or else the **Output:** block that follows the command. */
  expected?: string;
  /** True when `expected` came from an **Output:** block rather than an Expected comment. */
  fromOutput: boolean;
}

/**
 * A recogniser returns undefined when the command is not of its shape, `{ reason }` when it is
 * but something is not understood (the command becomes a manual check), or the check.
 */
export type Recognised = { check: Check } | { reason: string } | undefined;

export type Recogniser = (ctx: UnitContext) => Recognised;

/** Shortens a value for a message. */
export function quote(s: string, max = 60): string {
  return JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);
}
