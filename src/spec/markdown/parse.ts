import type { Diagnostic } from '../../model/diagnostic.js';
import type { Criterion } from '../checks.js';
import { readCriteria } from './criteria.js';
import { type MarkdownProse, readProse } from './prose.js';
import { type Fence, scanMarkdown } from './scan.js';
import { chooseYamlBlock } from './yaml-block.js';

/** Largest markdown spec we read (bytes). */
export const MAX_MARKDOWN_BYTES = 4 * 1024 * 1024;

export interface MarkdownSpec {
  /** The fenced YAML block holding the structured spec (see chooseYamlBlock), with the file line of its first content line. */
  yaml?: { text: string; line: number };
  /** Success criteria in document order, each with its parsed checks. */
  criteria: Criterion[];
  /** Line of each criterion's heading, by id. */
  criterionLines: Record<string, number>;
  /** The first level-1 heading. */
  title?: string;
  prose: MarkdownProse;
  diagnostics: Diagnostic[];
}

/**
 * Reads a markdown traffic spec: the structured YAML block, the `### SC-00N: Title` success
 * criteria with their validation commands parsed into checks, and the prose. Works on plain
 * markdown and on a spec nested in a ```markdown fence. Pure; problems are diagnostics.
 */
export function parseMarkdownSpec(text: string, file?: string): MarkdownSpec {
  const at = file ? { file } : {};
  const empty: MarkdownSpec = {
    criteria: [],
    criterionLines: {},
    prose: readProse([]),
    diagnostics: [],
  };
  if (Buffer.byteLength(text, 'utf8') > MAX_MARKDOWN_BYTES) {
    empty.diagnostics.push({
      code: 'input/too-large',
      severity: 'error',
      ...at,
      message: `${file ?? 'the markdown spec'} is larger than ${MAX_MARKDOWN_BYTES / 1048576} MiB; refusing to parse it`,
    });
    return empty;
  }
  const scan = scanMarkdown(text);
  const diagnostics: Diagnostic[] = scan.unclosed.map((u) => ({
    code: 'markdown/unclosed-fence',
    severity: 'warning',
    ...at,
    line: u.line,
    message: `code fence${u.info ? ` \`\`\`${u.info}` : ''} opened here is never closed`,
    hint: 'close it with a line of three backticks',
  }));
  const fences = scan.blocks.flatMap((b) => (b.type === 'fence' ? [b.fence] : []));
  const { chosen, others } = chooseYamlBlock(fences);
  for (const o of others)
    diagnostics.push({
      code: 'markdown/several-spec-blocks',
      severity: 'info',
      ...at,
      line: o.line,
      message: `another YAML block that looks like a spec is ignored; the one at line ${(chosen as Fence).line} is used`,
      hint: 'mark the intended block with ```yaml traffic-spec',
    });
  const { criteria, diagnostics: cd } = readCriteria(scan.blocks, file);
  diagnostics.push(...cd);
  const prose = readProse(scan.blocks);
  return {
    ...(chosen ? { yaml: { text: chosen.text, line: chosen.contentLine } } : {}),
    criteria: criteria.map((c) => c.criterion),
    criterionLines: Object.fromEntries(criteria.map((c) => [c.criterion.id, c.line])),
    ...(prose.title !== undefined ? { title: prose.title } : {}),
    prose,
    diagnostics,
  };
}
