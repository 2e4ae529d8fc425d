import { describe, expect, it } from 'vitest';
import { errorsOf, validateText, widget } from './helpers.js';

const codes = (ds: { code: string; path?: string }[]) => ds.map((d) => `${d.code} ${d.path ?? ''}`.trim());

describe('createSchemaValidator: structural schema', () => {
  it('accepts a valid widget with no diagnostics', () => {
    const text = widget(`min: 1
max: 2
mode: Fast
weight: 50%
ratio: 0.5
created: "2026-01-02T03:04:05Z"
max-surge: 3
tags: [a, b]
labels: {x: y}
extra: {anything: {goes: [1, 2]}}
template: {apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: []}}
parentRef: {name: gw}`);
    expect(validateText(text)).toEqual([]);
  });

  it('reports a wrong type with the API server message, line and column', () => {
    const [d, ...rest] = errorsOf(widget('min: "3"'));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: 'schema/type',
      path: 'spec.min',
      message: 'spec.min: Invalid value: "string": spec.min in body must be of type integer: "string"',
      file: 'w.yaml',
      line: 7,
      column: 8,
      resource: { apiVersion: 'example.test/v1', kind: 'Widget', namespace: 'default', name: 'w' },
    });
  });

  it('reports enum, pattern, format, bounds, lengths and counts', () => {
    const ds = errorsOf(
      widget(`mode: Medium
ratio: 1.5
created: yesterday
tags: [a, B, toolongtag, ""]`).replace('name: http, port: 80', 'name: Http, port: 0'),
    );
    expect(codes(ds).sort()).toEqual(
      [
        'schema/enum spec.mode',
        'schema/min-max spec.ratio',
        'schema/format spec.created',
        'schema/min-max spec.tags',
        'schema/pattern spec.tags[1]',
        'schema/min-max spec.tags[2]',
        'schema/min-max spec.tags[3]',
        'schema/pattern spec.tags[3]',
        'schema/pattern spec.listeners[0].name',
        'schema/min-max spec.listeners[0].port',
      ].sort(),
    );
    expect(ds.find((d) => d.code === 'schema/enum')?.message).toBe(
      'spec.mode: Unsupported value: "Medium": supported values: "Fast", "Slow"',
    );
    expect(ds.find((d) => d.path === 'spec.listeners[0].port')?.message).toBe(
      'spec.listeners[0].port: Invalid value: 0: spec.listeners[0].port in body should be greater than or equal to 1',
    );
  });

  it('reports missing required fields, including ones inside list items', () => {
    const text = widget('parentRef: {kind: Gateway}').replace('{name: http, port: 80, protocol: HTTP}', '{name: http}');
    expect(codes(errorsOf(text)).sort()).toEqual(
      [
        'schema/required spec.listeners[0].port',
        'schema/required spec.listeners[0].protocol',
        'schema/required spec.parentRef.name',
      ].sort(),
    );
  });

  it('reports unknown fields as errors with a did-you-mean hint', () => {
    const [d, ...rest] = errorsOf(widget('parentRef: {name: gw, nmespace: ns}'));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: 'schema/unknown-field',
      path: 'spec.parentRef.nmespace',
      message: 'unknown field "spec.parentRef.nmespace"',
    });
    expect(d.hint).toContain('did you mean "namespace"?');
  });

  it('reports unknown top-level and metadata fields', () => {
    const text = widget('min: 1', '{name: w, lables: {a: b}}') + 'spce: {}\n';
    const ds = errorsOf(text);
    expect(codes(ds).sort()).toEqual(['schema/unknown-field metadata.lables', 'schema/unknown-field spce']);
    expect(ds.find((d) => d.path === 'spce')?.hint).toContain('"spec"');
    expect(ds.find((d) => d.path === 'metadata.lables')?.hint).toContain('"labels"');
  });

  it('prunes nulls of non-nullable fields, as the API server does, before defaults and required', () => {
    expect(errorsOf(widget('min: null\nmode: null'))).toEqual([]);
    const [d, ...rest] = errorsOf(widget('parentRef: {name: null}'));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: 'schema/required',
      path: 'spec.parentRef.name',
      message: 'spec.parentRef.name: Required value',
    });
    expect(errorsOf(widget('tags: [a, null]'))[0]).toMatchObject({ code: 'schema/type', path: 'spec.tags[1]' });
  });

  it('accepts int-or-string values and rejects other types there', () => {
    expect(errorsOf(widget('weight: 3'))).toEqual([]);
    expect(errorsOf(widget('weight: "3"'))).toEqual([]);
    const [d] = errorsOf(widget('weight: true'));
    expect(d).toMatchObject({ code: 'schema/type', path: 'spec.weight' });
    expect(d.message).toContain('must be of type integer,string: "boolean"');
  });

  it('enforces list-type map keys and set uniqueness', () => {
    const text = widget('tags: [a, a]').replace(
      '- {name: http, port: 80, protocol: HTTP}',
      '- {name: http, port: 80, protocol: HTTP}\n    - {name: http, port: 81, protocol: HTTP}',
    );
    const ds = errorsOf(text);
    expect(codes(ds).sort()).toEqual(['schema/list-duplicate spec.listeners[1]', 'schema/list-duplicate spec.tags[1]']);
    expect(ds.find((d) => d.path === 'spec.listeners[1]')?.message).toBe(
      'spec.listeners[1]: Duplicate value: {"name":"http"}',
    );
  });

  it('keeps preserve-unknown-fields subtrees and checks embedded resources', () => {
    expect(errorsOf(widget('extra: {a: 1, b: {c: [true]}}'))).toEqual([]);
    const ds = errorsOf(widget('template: {metadata: {name: Bad_Name}}'));
    expect(codes(ds).sort()).toEqual(
      [
        'schema/metadata spec.template.metadata.name',
        'schema/required spec.template.apiVersion',
        'schema/required spec.template.kind',
      ].sort(),
    );
  });

  it('checks metadata: name required, RFC 1123 names and namespaces, label syntax', () => {
    expect(codes(errorsOf(widget('min: 1', '{namespace: default}')))).toEqual(['schema/required metadata.name']);
    expect(codes(errorsOf(widget('min: 1', '{name: My_Widget, namespace: Default}'))).sort()).toEqual([
      'schema/metadata metadata.name',
      'schema/metadata metadata.namespace',
    ]);
    const ds = errorsOf(widget('min: 1', '{name: w, labels: {"bad key!": v, ok: "in valid"}}'));
    expect(codes(ds).sort()).toEqual(
      ['schema/metadata metadata.labels.ok', 'schema/metadata metadata.labels["bad key!"]'].sort(),
    );
  });

  it('ignores status when the status subresource is enabled', () => {
    expect(errorsOf(`${widget('min: 1')}status: {ready: "not-a-bool", whatever: 1}\n`)).toEqual([]);
  });

  it('rejects an unserved version and lists the served ones', () => {
    const [d] = errorsOf(widget('min: 1').replace('example.test/v1', 'example.test/v1alpha1'));
    expect(d).toMatchObject({
      code: 'schema/unknown-version',
      message: 'no matches for kind "Widget" in version "example.test/v1alpha1"',
      hint: 'served versions: example.test/v1, example.test/v1beta1',
    });
    expect(errorsOf(widget('anything: goes').replace('example.test/v1', 'example.test/v1beta1'))).toEqual([]);
  });
});
