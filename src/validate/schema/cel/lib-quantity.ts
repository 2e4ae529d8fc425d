import type { Environment } from '@marcbachmann/cel-js';
import { CelRuntimeError } from './errors.js';

/** A Kubernetes resource quantity, held exactly in nano-units (value × 10⁹, rounded up like the API server). */
export class CelQuantity {
  constructor(readonly nanos: bigint) {}
}

const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei)|([numkMGTPE])|[eE]([+-]?\d+))?$/;
const BINARY: Record<string, bigint> = {
  Ki: 1n << 10n,
  Mi: 1n << 20n,
  Gi: 1n << 30n,
  Ti: 1n << 40n,
  Pi: 1n << 50n,
  Ei: 1n << 60n,
};
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** Parses a quantity string (`100m`, `1.5Gi`, `2e3`); undefined when malformed. */
export function parseQuantity(s: string): CelQuantity | undefined {
  const m = QUANTITY.exec(s);
  if (!m) return undefined;
  const [, sign, num, bin, dec, exp] = m;
  const [int, frac = ''] = num.split('.');
  let digits = BigInt((int || '0') + frac);
  let scale = -frac.length + 9; // nanos
  if (dec) scale += DECIMAL[dec];
  if (exp) scale += Number(exp);
  if (Math.abs(scale) > 400) return undefined;
  if (bin) digits *= BINARY[bin];
  let nanos: bigint;
  if (scale >= 0) nanos = digits * 10n ** BigInt(scale);
  else {
    const div = 10n ** BigInt(-scale);
    nanos = digits / div + (digits % div === 0n ? 0n : 1n);
  }
  return new CelQuantity(sign === '-' ? -nanos : nanos);
}

const NANO = 1_000_000_000n;

function must(s: string): CelQuantity {
  const q = parseQuantity(s);
  if (!q)
    throw new CelRuntimeError(
      `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': ${s}`,
    );
  return q;
}

/** Kubernetes CEL quantity library. */
export function registerQuantityLibrary(env: Environment): void {
  env.registerType('kubernetes.Quantity', CelQuantity);
  env.registerFunction('isQuantity(string): bool', (s: string) => parseQuantity(s) !== undefined);
  env.registerFunction('quantity(string): kubernetes.Quantity', must);
  const Q = 'kubernetes.Quantity';
  env.registerFunction(`${Q}.isInteger(): bool`, (q: CelQuantity) => q.nanos % NANO === 0n);
  env.registerFunction(`${Q}.asInteger(): int`, (q: CelQuantity) => {
    if (q.nanos % NANO !== 0n) throw new CelRuntimeError('cannot convert value to integer');
    return q.nanos / NANO;
  });
  env.registerFunction(`${Q}.asApproximateFloat(): double`, (q: CelQuantity) => Number(q.nanos) / 1e9);
  env.registerFunction(`${Q}.sign(): int`, (q: CelQuantity) => (q.nanos > 0n ? 1n : q.nanos < 0n ? -1n : 0n));
  env.registerFunction(`${Q}.isGreaterThan(${Q}): bool`, (a: CelQuantity, b: CelQuantity) => a.nanos > b.nanos);
  env.registerFunction(`${Q}.isLessThan(${Q}): bool`, (a: CelQuantity, b: CelQuantity) => a.nanos < b.nanos);
  env.registerFunction(`${Q}.compareTo(${Q}): int`, (a: CelQuantity, b: CelQuantity) =>
    a.nanos > b.nanos ? 1n : a.nanos < b.nanos ? -1n : 0n,
  );
  env.registerFunction(`${Q}.add(${Q}): ${Q}`, (a: CelQuantity, b: CelQuantity) => new CelQuantity(a.nanos + b.nanos));
  env.registerFunction(`${Q}.add(int): ${Q}`, (a: CelQuantity, b: bigint) => new CelQuantity(a.nanos + b * NANO));
  env.registerFunction(`${Q}.sub(${Q}): ${Q}`, (a: CelQuantity, b: CelQuantity) => new CelQuantity(a.nanos - b.nanos));
  env.registerFunction(`${Q}.sub(int): ${Q}`, (a: CelQuantity, b: bigint) => new CelQuantity(a.nanos - b * NANO));
}
