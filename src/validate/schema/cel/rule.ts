import { celEnvironment } from './environment.js';
import { rewriteHasMacros } from './rewrite.js';

type Program = (vars: Record<string, unknown>) => unknown;

/** One `x-kubernetes-validations` entry; the CEL program is compiled on first use and kept. */
export interface CompiledRule {
  rule: string;
  message?: string;
  messageExpression?: string;
  /** JSONPath-like field path relative to the node (`.spec.foo`, `['a.b']`). */
  fieldPath?: string;
  reason?: 'FieldValueInvalid' | 'FieldValueForbidden' | 'FieldValueRequired' | 'FieldValueDuplicate';
  optionalOldSelf: boolean;
  /** The rule mentions `oldSelf`: a transition rule, skipped on create unless optionalOldSelf. */
  usesOldSelf: boolean;
  program?: Program;
  messageProgram?: Program;
  /** Set when the rule (or its messageExpression) does not compile. */
  compileError?: string;
  messageCompileError?: string;
  compiled: boolean;
}

/** Removes string literals so that identifiers can be searched for in a CEL expression. */
function withoutStrings(expr: string): string {
  return expr.replace(/(?:[rR])?("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/g, '""');
}

export function compileRule(raw: Record<string, unknown>): CompiledRule {
  const rule = typeof raw.rule === 'string' ? raw.rule : '';
  const reason = raw.reason as CompiledRule['reason'];
  return {
    rule,
    message: typeof raw.message === 'string' ? raw.message : undefined,
    messageExpression: typeof raw.messageExpression === 'string' ? raw.messageExpression : undefined,
    fieldPath: typeof raw.fieldPath === 'string' ? raw.fieldPath : undefined,
    reason,
    optionalOldSelf: raw.optionalOldSelf === true,
    usesOldSelf: /\boldSelf\b/.test(withoutStrings(rule)),
    compiled: false,
  };
}

function compileExpr(expr: string): { program?: Program; error?: string } {
  try {
    return {
      program: celEnvironment().parse(expr.includes('has') ? rewriteHasMacros(expr) : expr) as unknown as Program,
    };
  } catch (err) {
    return { error: String((err as Error).message).split('\n')[0] };
  }
}

/** Compiles the rule's CEL program(s) once. */
export function ensureCompiled(r: CompiledRule): void {
  if (r.compiled) return;
  r.compiled = true;
  if (!r.rule) r.compileError = 'empty rule';
  else {
    const { program, error } = compileExpr(r.rule);
    r.program = program;
    r.compileError = error;
  }
  if (r.messageExpression) {
    const { program, error } = compileExpr(r.messageExpression);
    r.messageProgram = program;
    r.messageCompileError = error;
  }
}
