/**
 * The one API of traffic-engineer. The CLI (src/cli) and the MCP server (src/mcp) are thin adapters over it.
 */
export { GenerateInput, type GenerateOptions, type GenerateResult, generate } from './generate.js';
export { MAX_INPUT_BYTES, readInputFile } from './read-input.js';
