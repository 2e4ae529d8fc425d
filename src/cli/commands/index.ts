import type { Command } from '../command.js';
import { generateCommand } from './generate.js';
import { initCommand } from './init.js';
import { simulateCommand } from './simulate.js';
import { verifyCommand } from './verify.js';

/** Every CLI command, in help order. One file per command; register new ones here. */
export const commands: Command[] = [
  initCommand as unknown as Command,
  generateCommand as unknown as Command,
  simulateCommand as unknown as Command,
  verifyCommand as unknown as Command,
];
