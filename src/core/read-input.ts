import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from '../model/diagnostic.js';

/** Largest input file read (bytes). */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

export type ReadResult = { ok: true; text: string; file: string } | { ok: false; diagnostic: Diagnostic };

/** Reads a user file with a size cap; failures are `input/*` diagnostics (exit code 2 in the CLI). */
export async function readInputFile(path: string, readStdin?: () => Promise<string>): Promise<ReadResult> {
  if (path === '-') {
    if (!readStdin)
      return {
        ok: false,
        diagnostic: { code: 'input/unreadable', severity: 'error', message: 'standard input is not available here' },
      };
    const text = await readStdin();
    if (Buffer.byteLength(text) > MAX_INPUT_BYTES)
      return {
        ok: false,
        diagnostic: {
          code: 'input/too-large',
          severity: 'error',
          file: '<stdin>',
          message: `standard input is larger than ${MAX_INPUT_BYTES / 1048576} MiB`,
        },
      };
    return { ok: true, text, file: '<stdin>' };
  }
  try {
    const s = await stat(path);
    if (s.isDirectory())
      return {
        ok: false,
        diagnostic: {
          code: 'input/is-directory',
          severity: 'error',
          file: path,
          message: `${path} is a directory, not a file`,
        },
      };
    if (s.size > MAX_INPUT_BYTES)
      return {
        ok: false,
        diagnostic: {
          code: 'input/too-large',
          severity: 'error',
          file: path,
          message: `${path} is ${(s.size / 1048576).toFixed(1)} MiB; the limit is ${MAX_INPUT_BYTES / 1048576} MiB`,
        },
      };
    const buf = await readFile(path);
    if (buf.includes(0))
      return {
        ok: false,
        diagnostic: { code: 'input/binary', severity: 'error', file: path, message: `${path} is not a text file` },
      };
    return { ok: true, text: buf.toString('utf8'), file: path };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'permission denied' : e.message;
    return {
      ok: false,
      diagnostic: { code: 'input/unreadable', severity: 'error', file: path, message: `cannot read ${path}: ${why}` },
    };
  }
}
