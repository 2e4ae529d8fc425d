/**
 * Reads `kubectl [global flags] VERB …` arguments: namespace, output format, files, dry-run mode
 * and positionals. Flags we do not know are reported so that the command stays manual.
 */

export interface KubectlArgs {
  verb: string;
  positionals: string[];
  namespace?: string;
  output?: string;
  files: string[];
  dryRun?: string;
  /** Boolean flags seen (e.g. `--no-headers`), for the caller to judge. */
  flags: string[];
}

export type KubectlParse = { ok: true; args: KubectlArgs } | { ok: false; reason: string };

const WITH_VALUE: Record<string, keyof KubectlArgs> = {
  '-n': 'namespace',
  '--namespace': 'namespace',
  '-o': 'output',
  '--output': 'output',
  '-f': 'files',
  '--filename': 'files',
};
const IGNORED_WITH_VALUE = new Set(['--validate', '--request-timeout', '--field-manager']);
const KNOWN_BOOL = new Set([
  '--no-headers',
  '--show-labels',
  '-A',
  '--all-namespaces',
  '-w',
  '--watch',
  '--server-side',
]);

/** Parses the words after `kubectl`. */
export function parseKubectl(words: readonly string[]): KubectlParse {
  const a: KubectlArgs = { verb: '', positionals: [], files: [], flags: [] };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const eq = /^(--[a-z-]+)=(.*)$/s.exec(w);
    const name = eq ? eq[1] : /^-[nof]./.test(w) ? w.slice(0, 2) : w;
    const inline = eq ? eq[2] : /^-[nof]./.test(w) ? w.slice(2).replace(/^=/, '') : undefined;
    if (name === '--dry-run') {
      a.dryRun = inline ?? 'client'; // bare --dry-run meant client in old kubectl
      continue;
    }
    if (name in WITH_VALUE) {
      const v = inline ?? words[++i];
      if (v === undefined || v === '') return { ok: false, reason: `kubectl ${name} has no value` };
      const key = WITH_VALUE[name];
      if (key === 'files') a.files.push(v);
      else if (key === 'namespace' || key === 'output') {
        if (a[key] !== undefined && a[key] !== v) return { ok: false, reason: `kubectl ${name} is given twice` };
        a[key] = v;
      }
      continue;
    }
    if (IGNORED_WITH_VALUE.has(name)) {
      if (inline === undefined) i++;
      continue;
    }
    if (KNOWN_BOOL.has(name)) {
      a.flags.push(name);
      continue;
    }
    if (w.startsWith('-')) return { ok: false, reason: `kubectl option ${w} is not supported by the check parser` };
    if (a.verb === '') a.verb = w;
    else a.positionals.push(w);
  }
  if (a.verb === '') return { ok: false, reason: 'kubectl has no command' };
  return { ok: true, args: a };
}
