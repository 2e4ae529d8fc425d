/**
 * Reads the arguments of one `curl` invocation into a request description. Only options whose
 * effect on the check is understood are accepted; anything else is reported, never guessed.
 */

export interface CurlRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  insecure: boolean;
  /** `-o FILE`, if given. */
  output?: string;
  /** `-w FORMAT`, if given (backslash escapes kept as written, e.g. `%{http_code}\n`). */
  writeOut?: string;
  /** `-i`: response headers (status line first) are printed before the body. */
  include: boolean;
}

export type CurlParse = { ok: true; request: CurlRequest } | { ok: false; reason: string };

/** Options without a value that do not change what the check observes. */
const HARMLESS_FLAGS = new Set(['-s', '--silent', '-S', '--show-error', '-v', '--verbose', '--no-progress-meter']);
/** Options with a value that we accept and ignore (timeouts). */
const IGNORED_WITH_VALUE = new Set(['-m', '--max-time', '--connect-timeout', '--retry', '--retry-delay']);
const SHORT_WITH_VALUE = new Set(['H', 'X', 'o', 'w', 'm']);

/** Expands `-sk` into `-s -k`, and `-XPOST` into `-X POST`. */
function expandShort(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (w.startsWith('--') || !/^-[A-Za-z]./s.test(w)) {
      out.push(w);
      continue;
    }
    for (let j = 1; j < w.length; j++) {
      const f = w[j];
      if (SHORT_WITH_VALUE.has(f)) {
        out.push(`-${f}`);
        if (j + 1 < w.length) out.push(w.slice(j + 1));
        break;
      }
      if (!/[A-Za-z]/.test(f)) {
        out.push(w); // not a flag cluster after all; reported as an unknown option
        break;
      }
      out.push(`-${f}`);
    }
  }
  return out;
}

function normaliseUrl(u: string): string | undefined {
  if (/^https?:\/\/[^\s/]+/i.test(u)) return u;
  if (/^[A-Za-z][\w.-]*(:\d+)?(\/|$)/.test(u) && !u.includes('://')) return `http://${u}`;
  return undefined;
}

/** Parses `curl` arguments (the words after `curl`). */
export function parseCurl(args: readonly string[]): CurlParse {
  const words = expandShort(args);
  const req: CurlRequest = { method: 'GET', url: '', headers: {}, insecure: false, include: false };
  const urls: string[] = [];
  let methodSet = false;
  for (let i = 0; i < words.length; i++) {
    let w = words[i];
    let inlineValue: string | undefined;
    const eq = /^(--[a-z-]+)=(.*)$/s.exec(w);
    if (eq) {
      w = eq[1];
      inlineValue = eq[2];
    }
    const value = (): string | undefined => inlineValue ?? words[++i];
    if (HARMLESS_FLAGS.has(w)) continue;
    if (IGNORED_WITH_VALUE.has(w)) {
      if (value() === undefined) return { ok: false, reason: `curl option ${w} has no value` };
      continue;
    }
    switch (w) {
      case '-k':
      case '--insecure':
        req.insecure = true;
        continue;
      case '-i':
      case '--include':
        req.include = true;
        continue;
      case '-I':
      case '--head':
        req.method = 'HEAD';
        methodSet = true;
        continue;
      case '-X':
      case '--request': {
        const v = value();
        if (!v || !/^[A-Z]+$/.test(v))
          return { ok: false, reason: `curl ${w} needs an HTTP method, got ${v ?? 'nothing'}` };
        if (methodSet && req.method !== v) return { ok: false, reason: 'curl is given two different methods' };
        req.method = v;
        methodSet = true;
        continue;
      }
      case '-H':
      case '--header': {
        const v = value();
        const m = v === undefined ? null : /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):(.*)$/s.exec(v);
        if (!m) return { ok: false, reason: `curl header ${JSON.stringify(v ?? '')} is not "Name: value"` };
        req.headers[m[1]] = m[2].trim();
        continue;
      }
      case '-o':
      case '--output': {
        const v = value();
        if (v === undefined) return { ok: false, reason: 'curl -o has no file' };
        req.output = v;
        continue;
      }
      case '-w':
      case '--write-out': {
        const v = value();
        if (v === undefined) return { ok: false, reason: 'curl -w has no format' };
        req.writeOut = v;
        continue;
      }
      case '--url': {
        const v = value();
        if (v === undefined) return { ok: false, reason: 'curl --url has no value' };
        urls.push(v);
        continue;
      }
      default:
        if (w.startsWith('-')) return { ok: false, reason: `curl option ${w} is not supported by the check parser` };
        urls.push(w);
    }
  }
  if (urls.length !== 1) return { ok: false, reason: urls.length === 0 ? 'curl has no URL' : 'curl has several URLs' };
  const url = normaliseUrl(urls[0]);
  if (!url) return { ok: false, reason: `curl URL ${JSON.stringify(urls[0])} is not an http(s) URL` };
  req.url = url;
  return { ok: true, request: req };
}

/** True when the write-out format prints exactly the status code (optionally followed by a newline). */
export function writesStatusOnly(writeOut: string | undefined, newline: 'required' | 'optional'): boolean {
  if (writeOut === undefined) return false;
  if (writeOut === '%{http_code}\\n' || writeOut === '%{response_code}\\n') return true;
  return newline === 'optional' && (writeOut === '%{http_code}' || writeOut === '%{response_code}');
}
