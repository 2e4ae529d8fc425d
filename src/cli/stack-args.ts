import * as z from 'zod';
import type { Positional } from './command.js';

/** The FILES… argument of the cluster commands: manifests, directories, or one traffic spec. */
export const STACK_FILES: Positional = {
  name: 'files',
  description: 'Manifest files or directories, or one traffic spec (- for stdin)',
  required: true,
  variadic: true,
};

/** `--format text|json`, shared by commands that print a report. */
export const formatOption = (what = 'Output format') => z.enum(['text', 'json']).default('text').describe(what);
