import type { RateLimitUnit } from './types.js';

const SECOND = 1000;
/** Unit lengths in ms. Month is 30 days and Year 365 days (fixed-length windows). */
export const UNIT_MS: Record<RateLimitUnit, number> = {
  Second: SECOND,
  Minute: 60 * SECOND,
  Hour: 3600 * SECOND,
  Day: 86_400 * SECOND,
  Week: 7 * 86_400 * SECOND,
  Month: 30 * 86_400 * SECOND,
  Year: 365 * 86_400 * SECOND,
};

export function isUnit(u: unknown): u is RateLimitUnit {
  return typeof u === 'string' && u in UNIT_MS;
}

export function unitMs(u: RateLimitUnit): number {
  return UNIT_MS[u];
}
