/**
 * Validation-command parsing: shell commands from a markdown spec's ```bash blocks → structured
 * criterion checks (see `../checks.ts`). Pure; commands are read, never run.
 */

export { normaliseKind } from './kinds.js';
export {
  type ParseCommandsOptions,
  type ParsedCommand,
  parseValidationBlock,
  parseValidationCommands,
} from './parse.js';
export { MAX_COUNT } from './pipeline.js';
export { type CommandUnit, splitUnits } from './units.js';
