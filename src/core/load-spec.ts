import type { Diagnostic } from '../model/diagnostic.js';
import { checkSpecObject } from '../spec/load.js';
import { loadSpecText } from '../spec/load-text.js';
import type { TrafficSpec } from '../spec/schema/spec.js';
import { readInputFile } from './read-input.js';

export interface SpecSource {
  spec?: unknown;
  specPath?: string;
}

export interface LoadedSpecInput {
  spec?: TrafficSpec;
  diagnostics: Diagnostic[];
  /** The spec file could not be read at all (CLI exit 2). */
  inputError?: boolean;
}

/** A spec from an object (MCP argument) or a YAML/markdown file (`-` for stdin). */
export async function loadSpecInput(src: SpecSource, readStdin?: () => Promise<string>): Promise<LoadedSpecInput> {
  if (src.specPath) {
    const read = await readInputFile(src.specPath, readStdin);
    if (!read.ok) return { inputError: true, diagnostics: [read.diagnostic] };
    return loadSpecText(read.text, read.file);
  }
  if (src.spec !== undefined) return checkSpecObject(src.spec);
  return {
    inputError: true,
    diagnostics: [{ code: 'input/missing', severity: 'error', message: 'give a spec object or a spec file path' }],
  };
}
