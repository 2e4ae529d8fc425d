import { describeEnvoyService } from './envoy-service.js';
import type { StatusResult } from './status.js';

const MAX_MESSAGE = 90;

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}

function clip(s: string | undefined): string {
  const one = (s ?? '').replace(/\s+/g, ' ').trim();
  return one.length > MAX_MESSAGE ? `${one.slice(0, MAX_MESSAGE - 1)}…` : one;
}

/** A readable table: one block per object, one line per condition. */
export function formatStatus(r: StatusResult): string {
  const out: string[] = [`context ${r.context} (${r.server})`, ''];
  for (const o of r.objects) {
    const name = `${o.ref.kind} ${o.ref.namespace ? `${o.ref.namespace}/` : ''}${o.ref.name ?? ''}`;
    if (!o.found) {
      out.push(`${name}: NOT FOUND`, '');
      continue;
    }
    const state = o.readiness ? o.readiness.state.toUpperCase() : '';
    const extra: string[] = [];
    if (o.addresses?.length) extra.push(`addresses ${o.addresses.join(', ')}`);
    if (o.scaledObject) {
      const s = o.scaledObject;
      extra.push(`READY ${s.ready ?? '-'}  ACTIVE ${s.active ?? '-'}  FALLBACK ${s.fallback ?? '-'}`);
    }
    out.push(`${name}: ${state}${extra.length ? `  (${extra.join('; ')})` : ''}`);
    const rows = [['  SCOPE', 'CONDITION', 'STATUS', 'REASON', 'MESSAGE']];
    for (const c of o.conditions) rows.push([`  ${c.scope}`, c.type, c.status, c.reason ?? '', clip(c.message)]);
    if (o.ref.kind === 'Gateway') {
      rows.push([
        '  envoy service',
        '',
        '',
        '',
        o.envoyService
          ? describeEnvoyService(o.envoyService)
          : 'not found (no Envoy Service labelled for this Gateway yet)',
      ]);
    }
    if (o.scaledObject) {
      const h = o.scaledObject.hpa;
      const v = h.found
        ? `current ${h.currentReplicas ?? '?'} desired ${h.desiredReplicas ?? '?'} (min ${h.minReplicas ?? '?'}, max ${h.maxReplicas ?? '?'})`
        : 'not created yet';
      rows.push([`  hpa ${h.name}`, 'replicas', '', '', v]);
    }
    if (rows.length > 1) out.push(...table(rows));
    else out.push('  (no conditions)');
    out.push('');
  }
  return out.join('\n').trimEnd();
}
