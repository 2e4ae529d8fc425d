import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { scaledObjectsIn, triggersOf } from '../util/keda.js';
import { metaValue } from './prometheus-metadata.js';

const FIELD = /^(\*|\?|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/\d+)?$/;

/** Checks a 5-field cron schedule (minute hour day-of-month month day-of-week) loosely, as robfig/cron's standard parser would. */
export function cronError(expr: string): string | undefined {
  const t = expr.trim();
  if (t.startsWith('@'))
    return ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'].includes(t) ||
      t.startsWith('@every ')
      ? undefined
      : `unrecognized descriptor ${t}`;
  const fields = t.split(/\s+/);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: ${t}`;
  for (const f of fields) for (const part of f.split(',')) if (!FIELD.test(part)) return `failed to parse field "${f}"`;
  return undefined;
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Cron scaler metadata KEDA rejects at reconcile time: timezone, start, end, desiredReplicas. */
export const cronMetadata: Rule = {
  id: 'keda/cron-metadata',
  severity: 'error',
  docs: {
    description:
      'A cron trigger needs an IANA timezone, 5-field start and end schedules that differ, and a non-zero integer desiredReplicas.',
    url: 'https://keda.sh/docs/2.20/scalers/cron/',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const so of scaledObjectsIn(ctx)) {
      for (const t of triggersOf(so)) {
        if (t.type !== 'cron') continue;
        const path = ['spec', 'triggers', t.index, 'metadata'];
        const at = (key: string | undefined, message: string, hint?: string) =>
          out.push(finding(this, so, key ? [...path, key] : path, { message, hint }));
        for (const key of ['timezone', 'start', 'end', 'desiredReplicas']) {
          const v = metaValue(t, key);
          if (v === undefined || v === '')
            at(undefined, `missing required parameter "${key}" in [triggerMetadata]`, `add metadata.${key}`);
        }
        const tz = metaValue(t, 'timezone');
        if (tz && !validTimeZone(tz))
          at('timezone', `unable to load timezone "${tz}"`, 'use an IANA name such as Europe/Paris or UTC');
        const start = metaValue(t, 'start');
        const end = metaValue(t, 'end');
        for (const [key, v] of [
          ['start', start],
          ['end', end],
        ] as const) {
          const e = v ? cronError(v) : undefined;
          if (e) at(key, `error parsing ${key} schedule: ${e}`);
        }
        if (start && end && start.trim() === end.trim())
          at('end', 'start and end can not have exactly same time input');
        const desired = metaValue(t, 'desiredReplicas');
        if (desired !== undefined && desired !== '' && (!/^[+-]?\d+$/.test(desired.trim()) || Number(desired) === 0)) {
          at(
            'desiredReplicas',
            Number(desired) === 0
              ? 'no desiredReplicas specified'
              : `unable to set param "desiredReplicas" value "${desired}": not an integer`,
          );
        }
      }
    }
    return out;
  },
};
