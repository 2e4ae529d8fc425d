import type * as z from 'zod';

/** Where a command writes; injectable so tests run commands in-process. */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (for `-` arguments). */
  readStdin: () => Promise<string>;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** True when stderr is a terminal (colours, progress). */
  isTTY: boolean;
}

export interface Positional {
  name: string;
  description: string;
  required?: boolean;
  variadic?: boolean;
}

/**
 * A CLI command. Its options are a zod object: the same schema gives the parser, the TypeScript type
 * of `args` and the `--help` text (from `.describe()`), so flags cannot drift from the code.
 * Keys are camelCase; flags are their kebab-case form (`specPath` → `--spec-path`).
 */
export interface Command<S extends z.ZodObject = z.ZodObject> {
  name: string;
  summary: string;
  positionals: Positional[];
  options: S;
  /** Single-letter aliases: `{ o: 'output' }`. */
  short?: Record<string, string>;
  examples?: string[];
  run(args: z.infer<S>, positionals: string[], io: CommandIO): Promise<number>;
}

/** Exit codes: 0 ok, 1 findings (spec errors, failed criteria), 2 usage or unreadable input. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export function defineCommand<S extends z.ZodObject>(c: Command<S>): Command<S> {
  return c;
}
