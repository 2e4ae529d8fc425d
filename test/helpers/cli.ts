import type { CommandIO } from '../../src/cli/command.js';
import { main } from '../../src/cli/main.js';

/** Runs the CLI in-process with captured output. */
export async function runCli(argv: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => stdin,
    cwd: process.cwd(),
    env: { ...process.env, TE_DEBUG: '' },
    isTTY: false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
