import type { Environment } from '@marcbachmann/cel-js';
import { CelRuntimeError } from './errors.js';

type Cmp = bigint | number | string | boolean;

function compare(a: Cmp, b: Cmp): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function indexOfList(list: unknown[], v: unknown, last: boolean): bigint {
  const key = JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x));
  const keys = list.map((x) => JSON.stringify(x, (_k, y) => (typeof y === 'bigint' ? `${y}n` : y)));
  return BigInt(last ? keys.lastIndexOf(key) : keys.indexOf(key));
}

/** cel-go strings/lists extensions and the Kubernetes regex and lists libraries, where cel-js lacks them. */
export function registerStringListLibrary(env: Environment): void {
  env.registerFunction('string.charAt(int): string', (s: string, i: bigint) => {
    const n = Number(i);
    if (n < 0 || n > s.length) throw new CelRuntimeError(`index out of range: ${n}`);
    return s.charAt(n);
  });
  env.registerFunction('string.replace(string, string): string', (s: string, a: string, b: string) =>
    s.split(a).join(b),
  );
  env.registerFunction('string.replace(string, string, int): string', (s: string, a: string, b: string, n: bigint) => {
    let count = Number(n);
    if (count < 0) return s.split(a).join(b);
    let out = '';
    let rest = s;
    while (count-- > 0) {
      const i = rest.indexOf(a);
      if (i < 0) break;
      out += rest.slice(0, i) + b;
      rest = rest.slice(i + a.length);
    }
    return out + rest;
  });
  env.registerFunction('string.reverse(): string', (s: string) => [...s].reverse().join(''));
  env.registerFunction('string.find(string): string', (s: string, re: string) => s.match(new RegExp(re))?.[0] ?? '');
  env.registerFunction('string.findAll(string): list<string>', (s: string, re: string) =>
    [...s.matchAll(new RegExp(re, 'g'))].map((m) => m[0]),
  );
  env.registerFunction('string.findAll(string, int): list<string>', (s: string, re: string, n: bigint) => {
    const all = [...s.matchAll(new RegExp(re, 'g'))].map((m) => m[0]);
    return n < 0n ? all : all.slice(0, Number(n));
  });
  env.registerFunction('list.isSorted(): bool', (l: Cmp[]) => l.every((v, i) => i === 0 || compare(l[i - 1], v) <= 0));
  env.registerFunction('list.sum(): dyn', (l: (bigint | number)[]) => {
    if (l.length === 0) return 0n;
    return l.reduce((a, b) => (a as bigint) + (b as bigint));
  });
  env.registerFunction('list.min(): dyn', (l: Cmp[]) => {
    if (l.length === 0) throw new CelRuntimeError('min called on empty list');
    return l.reduce((a, b) => (compare(a, b) <= 0 ? a : b));
  });
  env.registerFunction('list.max(): dyn', (l: Cmp[]) => {
    if (l.length === 0) throw new CelRuntimeError('max called on empty list');
    return l.reduce((a, b) => (compare(a, b) >= 0 ? a : b));
  });
  env.registerFunction('list.indexOf(dyn): int', (l: unknown[], v: unknown) => indexOfList(l, v, false));
  env.registerFunction('list.lastIndexOf(dyn): int', (l: unknown[], v: unknown) => indexOfList(l, v, true));
}
