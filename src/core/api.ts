/**
 * The one API of traffic-engineer. The CLI (src/cli) and the MCP server (src/mcp) are thin adapters over it.
 */
export { generate, GenerateInput, type GenerateOptions, type GenerateResult } from './generate.js';
export { readInputFile, MAX_INPUT_BYTES } from './read-input.js';
