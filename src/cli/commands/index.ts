import type { Command } from '../command.js';
import { applyCommand } from './apply.js';
import { checkCommand } from './check.js';
import { crdsCommand } from './crds.js';
import { diffCommand } from './diff.js';
import { dryRunCommand } from './dry-run.js';
import { generateCommand } from './generate.js';
import { initCommand } from './init.js';
import { mcpCommand } from './mcp.js';
import { preflightCommand } from './preflight.js';
import { runCommand } from './run.js';
import { simulateCommand } from './simulate.js';
import { skillCommand } from './skill.js';
import { statusCommand } from './status.js';
import { validateCommand } from './validate.js';
import { verifyCommand } from './verify.js';

/** Every CLI command, in help order. One file per command; register new ones here. */
export const commands: Command[] = [
  runCommand as unknown as Command,
  initCommand as unknown as Command,
  generateCommand as unknown as Command,
  validateCommand as unknown as Command,
  simulateCommand as unknown as Command,
  checkCommand as unknown as Command,
  verifyCommand as unknown as Command,
  preflightCommand as unknown as Command,
  dryRunCommand as unknown as Command,
  applyCommand as unknown as Command,
  statusCommand as unknown as Command,
  diffCommand as unknown as Command,
  crdsCommand as unknown as Command,
  mcpCommand as unknown as Command,
  skillCommand as unknown as Command,
];
