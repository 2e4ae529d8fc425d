/** Compiles an RE2 pattern with JavaScript RegExp (RE2 is close to a subset); reports RE2-only failures too. */
export function compileRe2(pattern: string): RegExp | { error: string } {
  if (/\(\?[=!]|\(\?<[=!]/.test(pattern)) return { error: 'lookaround assertions are not supported by RE2' };
  if (/\\[1-9]/.test(pattern)) return { error: 'backreferences are not supported by RE2' };
  try {
    return new RegExp(`^(?:${pattern.replace(/\(\?P</g, '(?<')})$`, 'u');
  } catch (err) {
    return { error: (err as Error).message };
  }
}
