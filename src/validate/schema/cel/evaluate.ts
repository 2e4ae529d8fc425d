import { Optional } from '@marcbachmann/cel-js';
import type { PathSegment } from '../../../model/diagnostic.js';
import { type CelTask, type Finding, pathText } from '../findings.js';
import { type CompiledRule, ensureCompiled } from './rule.js';

/** cel-js error codes that are genuine CEL runtime errors: the API server rejects the object. */
const RUNTIME_ERRORS = new Set([
  'no_such_key',
  'index_out_of_bounds',
  'division_by_zero',
  'modulus_by_zero',
  'overflow',
  'range_error',
]);

const UNEVALUABLE_HINT =
  "traffic-engineer's CEL engine could not run this rule; check it by hand or with `kubectl apply --dry-run=server`";

/** Parses a rule's `fieldPath` (`.spec.foo`, `.foo['a.b']`, `.items[0]`) into segments. */
export function parseFieldPath(fieldPath: string): PathSegment[] {
  const segs: PathSegment[] = [];
  for (const m of fieldPath.matchAll(
    /\.([A-Za-z_$][\w$-]*)|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\]/g,
  )) {
    if (m[1] !== undefined) segs.push(m[1]);
    else if (m[2] !== undefined) segs.push(m[2]);
    else if (m[3] !== undefined) segs.push(m[3]);
    else segs.push(Number(m[4]));
  }
  return segs;
}

function firstLine(err: unknown): { code?: string; text: string } {
  const e = err as { code?: string; message?: string };
  const text = String(e?.message ?? err).split('\n')[0];
  return { code: e?.code, text: text.charAt(0).toLowerCase() + text.slice(1) };
}

function ruleText(r: CompiledRule): string {
  return (r.message ?? r.rule).trim();
}

function failureMessage(r: CompiledRule, vars: Record<string, unknown>): string {
  if (r.messageProgram) {
    try {
      const m = r.messageProgram(vars);
      if (typeof m === 'string' && m.trim() !== '' && !m.includes('\n')) return m;
    } catch {
      // The API server falls back to `message` (or the rule) when messageExpression fails.
    }
  }
  return r.message?.trim() || `failed rule: ${r.rule.trim()}`;
}

function reasonPrefix(r: CompiledRule, typeName: string): string {
  switch (r.reason) {
    case 'FieldValueForbidden':
      return 'Forbidden: ';
    case 'FieldValueRequired':
      return 'Required value: ';
    case 'FieldValueDuplicate':
      return 'Duplicate value: ';
    default:
      return `Invalid value: "${typeName}": `;
  }
}

/** Evaluates one queued rule set; failing rules become findings. */
export function runCelTask(task: CelTask, out: Finding[]): void {
  for (const r of task.node.rules ?? []) {
    if (r.usesOldSelf && !r.optionalOldSelf) continue; // transition rule: not run on create
    ensureCompiled(r);
    const basePath = task.path;
    const at = (segs: PathSegment[]) => {
      const p = pathText(segs);
      return p ? `${p}: ` : '';
    };
    if (!r.program) {
      out.push({
        code: 'cel/unevaluable',
        severity: 'warning',
        path: basePath,
        message: `${at(basePath)}rule does not compile (${r.compileError}): ${r.rule.trim()}`,
        hint: UNEVALUABLE_HINT,
      });
      continue;
    }
    const vars: Record<string, unknown> = { self: task.self };
    if (r.usesOldSelf) vars.oldSelf = Optional.none();
    let result: unknown;
    try {
      result = r.program(vars);
    } catch (err) {
      const { code, text } = firstLine(err);
      if (code && RUNTIME_ERRORS.has(code)) {
        out.push({
          code: 'cel/rule-failed',
          severity: 'error',
          path: basePath,
          message: `${at(basePath)}Invalid value: "${task.typeName}": ${text} evaluating rule: ${ruleText(r)}`,
          hint: 'the API server rejects the object when a rule fails at run time; set the field the rule reads',
        });
      } else {
        out.push({
          code: 'cel/unevaluable',
          severity: 'warning',
          path: basePath,
          message: `${at(basePath)}rule could not be evaluated (${text}): ${r.rule.trim()}`,
          hint: UNEVALUABLE_HINT,
        });
      }
      continue;
    }
    if (result === true) continue;
    if (result !== false) {
      out.push({
        code: 'cel/unevaluable',
        severity: 'warning',
        path: basePath,
        message: `${at(basePath)}rule did not return a bool: ${r.rule.trim()}`,
        hint: UNEVALUABLE_HINT,
      });
      continue;
    }
    const path = r.fieldPath ? [...basePath, ...parseFieldPath(r.fieldPath)] : basePath;
    out.push({
      code: 'cel/rule-failed',
      severity: 'error',
      path,
      message: `${at(path)}${reasonPrefix(r, task.typeName)}${failureMessage(r, vars)}`,
      hint: `x-kubernetes-validations rule: ${r.rule.trim()}`,
    });
  }
}
