import type { Diagnostic } from '../model/diagnostic.js';
import { checkSpecObject, type LoadedSpec, loadSpecYaml } from './load.js';
import { parseMarkdownSpec } from './markdown/index.js';

/** A markdown spec is recognised by its extension, or by content when the name says nothing. */
export function looksLikeMarkdown(text: string, file: string): boolean {
  if (/\.(md|markdown)$/i.test(file)) return true;
  if (/\.(ya?ml|json)$/i.test(file)) return false;
  return /^#{1,6}\s/m.test(text) && /^```/m.test(text);
}

/**
 * Loads a TrafficSpec from YAML or markdown text. For markdown, the structured ```yaml block gives the
 * spec and the `### SC-…` sections give its criteria (they replace criteria of the same id in the block).
 */
export function loadSpecText(text: string, file: string): LoadedSpec {
  if (!looksLikeMarkdown(text, file)) return loadSpecYaml({ text, file });
  const md = parseMarkdownSpec(text, file);
  const diagnostics: Diagnostic[] = [...md.diagnostics];
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  if (!md.yaml) {
    diagnostics.push({
      code: 'spec/no-structured-block',
      severity: 'error',
      file,
      message: `${file} has no \`\`\`yaml block with the structured spec (app, namespace, services, …)`,
      hint: `run \`traffic-engineer init --from ${file}\` to draft one from its success criteria`,
    });
    return { diagnostics };
  }
  const loaded = loadSpecYaml({ text: md.yaml.text, file, lineOffset: md.yaml.line });
  diagnostics.push(...loaded.diagnostics);
  if (!loaded.spec) return { diagnostics };
  if (md.criteria.length === 0) return { spec: loaded.spec, diagnostics };
  const byId = new Map(loaded.spec.criteria.map((c) => [c.id, c]));
  for (const c of md.criteria) byId.set(c.id, c);
  const merged = checkSpecObject({ ...loaded.spec, criteria: [...byId.values()] }, file);
  diagnostics.push(...merged.diagnostics);
  return merged.spec ? { spec: merged.spec, diagnostics } : { diagnostics };
}
