import type { Command, CommandIO } from './command.js';
import { EXIT } from './command.js';
import { commands } from './commands/index.js';
import { helpText, parseCommandArgs } from './parse-args.js';
import { VERSION } from './version.js';

function topHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'traffic-engineer: traffic spec → Envoy Gateway / Gateway API / KEDA stack, validated, simulated, applied, verified.',
    '',
    'Usage: traffic-engineer <command> [arguments] [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Run `traffic-engineer <command> --help` for a command’s arguments and options.',
    '',
  ].join('\n');
}

export function defaultIO(): CommandIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
  };
}

/** Runs the CLI; returns the exit code. Never throws for user errors, never prints a stack trace. */
export async function main(argv: string[], io: CommandIO = defaultIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(topHelp());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const cmd = commands.find((c) => c.name === name) as Command | undefined;
  if (!cmd) {
    io.stderr(`traffic-engineer: unknown command "${name}"\n\n${topHelp()}`);
    return EXIT.usage;
  }
  const parsed = parseCommandArgs(cmd, rest);
  if (!parsed.ok) {
    io.stderr(
      `traffic-engineer ${cmd.name}: ${parsed.error}\nRun \`traffic-engineer ${cmd.name} --help\` for usage.\n`,
    );
    return EXIT.usage;
  }
  if (parsed.help) {
    io.stdout(helpText(cmd));
    return EXIT.ok;
  }
  try {
    return await cmd.run(parsed.values as never, parsed.positionals, io);
  } catch (err) {
    const e = err as Error;
    io.stderr(`traffic-engineer ${cmd.name}: ${e.message}\n`);
    if (io.env.TE_DEBUG) io.stderr(`${e.stack}\n`);
    return (err as { exitCode?: number }).exitCode ?? 70;
  }
}
