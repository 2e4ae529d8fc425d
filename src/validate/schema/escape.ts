/** CEL reserved words that Kubernetes escapes as `__word__` when used as property names. */
const RESERVED = new Set([
  'true',
  'false',
  'null',
  'in',
  'as',
  'break',
  'const',
  'continue',
  'else',
  'for',
  'function',
  'if',
  'import',
  'let',
  'loop',
  'package',
  'namespace',
  'return',
  'var',
  'void',
  'while',
]);

const ESCAPABLE = /^[a-zA-Z_.\-/][a-zA-Z0-9_.\-/]*$/;

/**
 * The name under which a CRD property is visible to CEL rules, following the Kubernetes rules:
 * reserved words become `__word__`; otherwise `__` → `__underscores__`, `.` → `__dot__`,
 * `-` → `__dash__`, `/` → `__slash__`. Names that cannot be escaped are returned unchanged
 * (rules cannot address them with field selection anyway).
 */
export function escapeCelProperty(name: string): string {
  if (RESERVED.has(name)) return `__${name}__`;
  if (!ESCAPABLE.test(name)) return name;
  if (!/__|[.\-/]/.test(name)) return name;
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === '_' && name[i + 1] === '_') {
      out += '__underscores__';
      i++;
    } else if (c === '.') out += '__dot__';
    else if (c === '-') out += '__dash__';
    else if (c === '/') out += '__slash__';
    else out += c;
  }
  return out;
}
