import type { Diagnostic } from '../../../model/diagnostic.js';
import { finding, type Rule } from '../rule.js';
import { obj, parseFloatStrict, str } from '../util/data.js';
import { isCpuMemory, scaledObjectsIn, triggersOf } from '../util/keda.js';

const EXPR_WORDS = new Set([
  'true',
  'false',
  'nil',
  'and',
  'or',
  'not',
  'in',
  'matches',
  'contains',
  'startsWith',
  'endsWith',
  'let',
  'if',
  'else',
]);

/**
 * Free variables of an expr-lang formula: identifiers that are not keywords, not function calls,
 * not member accesses (`a.b`, `a?.b`) and not inside string literals.
 */
export function formulaVariables(formula: string): string[] {
  const noStrings = formula.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, ' ');
  const vars = new Set<string>();
  for (const m of noStrings.matchAll(/[A-Za-z_$][A-Za-z0-9_$]*/g)) {
    const before = noStrings.slice(0, m.index).trimEnd();
    const after = noStrings.slice((m.index ?? 0) + m[0].length).trimStart();
    if (EXPR_WORDS.has(m[0]) || before.endsWith('.') || after.startsWith('(')) continue;
    if (/\d$/.test(noStrings.slice(0, m.index))) continue; // exponent or unit suffix glued to a number, e.g. 1e3
    vars.add(m[0]);
  }
  return [...vars];
}

/** KEDA webhook W13–W18: scalingModifiers needs a formula, a positive target, named triggers, and not Utilization. */
export const scalingModifiers: Rule = {
  id: 'keda/scaling-modifiers',
  severity: 'error',
  docs: {
    description:
      'advanced.scalingModifiers requires a formula and a target > 0; the formula may only use the names of non-cpu/memory triggers; metricType cannot be Utilization; fallback.behavior scalingModifiers requires a formula.',
    url: 'https://keda.sh/docs/2.20/reference/scaledobject-spec/#scalingmodifiers',
  },
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const so of scaledObjectsIn(ctx)) {
      const spec = obj(so.object.spec);
      const sm = obj(obj(spec.advanced).scalingModifiers);
      const base = ['spec', 'advanced', 'scalingModifiers'];
      const formula = str(sm.formula) ?? '';
      const at = (p: string[], message: string, hint?: string) =>
        out.push(finding(this, so, [...base, ...p], { message, hint }));
      if (str(obj(spec.fallback).behavior) === 'scalingModifiers' && !formula) {
        out.push(
          finding(this, so, ['spec', 'fallback', 'behavior'], {
            message: 'scalingModifiers fallback behavior requires scalingModifiers.formula to be defined',
          }),
        );
      }
      if (Object.keys(sm).length === 0) continue;
      if (!formula) {
        at([], 'error ScalingModifiers.Formula is mandatory', 'add advanced.scalingModifiers.formula');
        continue;
      }
      const target = sm.target === undefined ? '' : String(sm.target);
      if (!target)
        at(
          ['formula'],
          'error validating formula in ScalingModifiers: formula is given but target is empty',
          'set advanced.scalingModifiers.target',
        );
      else {
        const v = parseFloatStrict(target);
        if (v === undefined || !(v > 0)) {
          at(
            ['target'],
            `error validating target in ScalingModifiers: error converting target for scalingModifiers (string->float) to valid target: "${target}" is not a number > 0`,
          );
        }
      }
      const names = new Set(
        triggersOf(so)
          .filter((t) => !isCpuMemory(t) && t.name)
          .map((t) => t.name as string),
      );
      const unknown = formulaVariables(formula).filter((v) => !names.has(v));
      if (unknown.length > 0) {
        at(
          ['formula'],
          `error validating formula in ScalingModifiers: unknown name ${unknown.join(', ')} (formula variables must be names of non-cpu/memory triggers: ${[...names].join(', ') || 'none are named'})`,
          'give each trigger used in the formula a `name` and refer to it by that name',
        );
      }
      if (str(sm.metricType) === 'Utilization') {
        at(
          ['metricType'],
          'error trigger type is Utilization, but it needs to be AverageValue or Value for external metrics',
        );
      }
    }
    return out;
  },
};
