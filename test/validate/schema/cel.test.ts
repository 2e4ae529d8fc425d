import { describe, expect, it } from 'vitest';
import { errorsOf, validateText, widget } from './helpers.js';

describe('createSchemaValidator: CEL rules', () => {
  it('reports a failing rule with its message, path and type, as the API server does', () => {
    const [d, ...rest] = errorsOf(widget('min: 5\nmax: 2'));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: 'cel/rule-failed',
      path: 'spec',
      message: 'spec: Invalid value: "object": min must be less than or equal to max',
      line: 5,
    });
    expect(d.hint).toContain('self.min <= (has(self.max)');
  });

  it('uses CEL integers: a rule default of 100 applies when max is absent', () => {
    expect(errorsOf(widget('min: 20'))).toEqual([]);
    // min 60 > 50: the messageExpression rule fails and its computed message is used
    const [d] = errorsOf(widget('min: 60\nmax: 70'));
    expect(d.message).toBe('spec: Invalid value: "object": min is 60, want < 50');
  });

  it('honours fieldPath and reason', () => {
    const [d] = errorsOf(widget('max: 13'));
    expect(d).toMatchObject({
      code: 'cel/rule-failed',
      path: 'spec.max',
      message: 'spec.max: Forbidden: thirteen is unlucky',
    });
  });

  it('applies schema defaults before evaluating rules', () => {
    // group/kind come from defaults; the rule reads them.
    expect(errorsOf(widget('parentRef: {name: gw}'))).toEqual([]);
    const [d] = errorsOf(widget('parentRef: {name: gw, kind: Service}'));
    expect(d).toMatchObject({
      path: 'spec.parentRef',
      message: expect.stringContaining('parentRef must point to an example.test Gateway'),
    });
  });

  it('escapes reserved property names (namespace → __namespace__)', () => {
    expect(errorsOf(widget('parentRef: {name: gw, namespace: apps}'))).toEqual([]);
    const [d] = errorsOf(widget('parentRef: {name: gw, namespace: kube-system}'));
    expect(d.message).toContain('parentRef may not point into kube-system');
  });

  it('treats a rule failing at run time on a missing key as a rejection', () => {
    const text = widget('min: 1').replace(
      '{name: http, port: 80, protocol: HTTP}',
      '{name: https, port: 443, protocol: HTTPS, tls: {}}',
    );
    const [d, ...rest] = errorsOf(text);
    expect(rest).toEqual([]);
    // tls.mode defaults to Terminate, so the rule reads certificateRefs, which is absent.
    expect(d).toMatchObject({
      code: 'cel/rule-failed',
      path: 'spec.listeners[0].tls',
      message:
        'spec.listeners[0].tls: Invalid value: "object": no such key: certificateRefs evaluating rule: certificateRefs must be specified when mode is Terminate',
    });
    const ok = text.replace('tls: {}', 'tls: {mode: Passthrough}');
    expect(errorsOf(ok)).toEqual([]);
  });

  it('escapes dashes in property names and runs rules on scalar nodes', () => {
    const [d] = errorsOf(widget('max-surge: 11'));
    const [e] = errorsOf(widget('max-surge: 2\nmin: 3'));
    expect(e).toMatchObject({ path: 'spec', message: 'spec: Invalid value: "object": max-surge must be at least min' });
    expect(errorsOf(widget('max-surge: 3\nmin: 3'))).toEqual([]);
    expect(d).toMatchObject({
      path: 'spec.max-surge',
      message: 'spec.max-surge: Invalid value: "integer": max-surge at most 10',
    });
  });

  it('skips transition rules (oldSelf) on create', () => {
    expect(validateText(widget('stage: one')).filter((d) => d.message.includes('immutable'))).toEqual([]);
  });

  it('runs optionalOldSelf transition rules on create with oldSelf = none', () => {
    expect(errorsOf(widget('locked: fine'))).toEqual([]);
    const [d] = errorsOf(widget('locked: forbidden-on-create'));
    expect(d).toMatchObject({
      code: 'cel/rule-failed',
      path: 'spec.locked',
      message: expect.stringContaining('cannot be created as'),
    });
  });

  it('reports a rule that does not compile as cel/unevaluable', () => {
    const ds = validateText(widget('broken: x'));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: 'cel/unevaluable', severity: 'warning', path: 'spec.broken' });
    expect(ds[0].message).toContain('rule does not compile');
  });

  it('reports a rule it cannot evaluate as cel/unevaluable (warning), never as passed', () => {
    const ds = validateText(widget('stage: one'));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: 'cel/unevaluable', severity: 'warning', path: 'spec.stage' });
    expect(ds[0].message).toContain('noSuchFunction');
  });

  it('does not run rules when the object has type errors, and says so', () => {
    const ds = validateText(widget('min: 5\nmax: 2\nmode: 7'));
    expect(ds.map((d) => d.code)).toEqual(['schema/type', 'cel/skipped']);
  });
});
