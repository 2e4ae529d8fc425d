import { quote, type Recognised, type UnitContext } from './context.js';
import { parseKubectl } from './kubectl.js';

/** `kubectl apply --dry-run=client|server -f FILE…` → dry-run check. */
export function recogniseDryRun(ctx: UnitContext): Recognised {
  const { pipeline } = ctx;
  const [first] = pipeline.stages;
  if (pipeline.loop || first?.[0] !== 'kubectl' || !first.includes('apply')) return undefined;
  if (pipeline.stages.length !== 1) return { reason: 'kubectl apply is part of a pipeline' };
  const k = parseKubectl(first.slice(1));
  if (!k.ok) return { reason: k.reason };
  const a = k.args;
  if (a.verb !== 'apply') return undefined;
  if (a.dryRun === undefined) return { reason: 'kubectl apply without --dry-run would change the cluster' };
  if (a.dryRun !== 'client' && a.dryRun !== 'server') return { reason: `--dry-run=${a.dryRun} is not a dry run` };
  if (a.files.length === 0) return { reason: 'kubectl apply has no -f FILE' };
  if (a.files.includes('-')) return { reason: 'kubectl apply -f - reads stdin' };
  if (a.positionals.length > 0) return { reason: `unexpected argument ${quote(a.positionals[0])}` };
  if (a.flags.length > 0) return { reason: `kubectl apply flag ${a.flags[0]} is not supported` };
  if (a.output !== undefined) return { reason: 'kubectl apply -o changes what is printed' };
  return { check: { kind: 'dry-run', mode: a.dryRun, files: a.files, raw: ctx.raw } };
}
