/**
 * Markdown traffic specs: prose, `### SC-00N: Title` success criteria whose ```bash blocks hold
 * validation commands, and a fenced ```yaml block with the structured spec.
 */

export { criterionHeading, readCriteria } from './criteria.js';
export { MAX_MARKDOWN_BYTES, type MarkdownSpec, parseMarkdownSpec } from './parse.js';
export { type MarkdownProse, readProse } from './prose.js';
export { type Block, type Fence, type Scan, scanMarkdown } from './scan.js';
export { chooseYamlBlock, specScore, topLevelKeys } from './yaml-block.js';
