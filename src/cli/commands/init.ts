import { resolve } from 'node:path';
import * as z from 'zod';
import { readInputFile } from '../../core/read-input.js';
import { OutputExistsError, writeFileAtomic } from '../../core/write-output.js';
import { hasErrors } from '../../model/diagnostic.js';
import { starterSpec } from '../../spec/init/index.js';
import { defineCommand, EXIT } from '../command.js';
import { formatDiagnosticLines } from '../diagnostics.js';

const Options = z.object({
  from: z
    .string()
    .optional()
    .describe(
      'Draft from a prose-only markdown spec: its validation commands give URLs, paths, limits, names (- for stdin)',
    ),
  output: z.string().optional().describe('Write the starter to FILE instead of stdout'),
  force: z.boolean().default(false).describe('Overwrite an existing output file'),
});

export const initCommand = defineCommand({
  name: 'init',
  summary: 'Write a commented starter spec, or draft one from a markdown spec’s validation commands (TODOs on stderr)',
  positionals: [],
  options: Options,
  short: { o: 'output' },
  examples: ['traffic-engineer init -o traffic-spec.yaml', 'traffic-engineer init --from traffic-spec.md -o spec.yaml'],
  async run(args, _positionals, io) {
    let from: { markdown: string; file: string } | undefined;
    if (args.from !== undefined) {
      const r = await readInputFile(args.from === '-' ? '-' : resolve(io.cwd, args.from), io.readStdin);
      if (!r.ok) {
        io.stderr(formatDiagnosticLines([{ ...r.diagnostic, ...(r.diagnostic.file ? { file: args.from } : {}) }]));
        return EXIT.usage;
      }
      from = { markdown: r.text, file: args.from === '-' ? '<stdin>' : args.from };
    }
    const s = starterSpec(from ? { from } : {});
    if (s.diagnostics.length) io.stderr(formatDiagnosticLines(s.diagnostics));
    if (hasErrors(s.diagnostics)) {
      io.stderr('init: the input could not be read; nothing written\n');
      return EXIT.usage;
    }
    try {
      if (args.output) await writeFileAtomic(resolve(io.cwd, args.output), s.yaml, { force: args.force });
      else io.stdout(s.yaml);
    } catch (err) {
      if (err instanceof OutputExistsError) {
        io.stderr(`init: ${args.output} already exists; pass --force to overwrite it\n`);
        return EXIT.usage;
      }
      throw err;
    }
    if (s.todos.length > 0)
      io.stderr(`${s.todos.length} TODO(s) to decide:\n${s.todos.map((t) => `  - ${t}\n`).join('')}`);
    if (args.output) io.stderr(`wrote ${args.output}\n`);
    return EXIT.ok;
  },
});
