import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { officialCrdPaths } from '../helpers/shared.js';

/**
 * An independent oracle for the golden stacks: each CRD's openAPIV3Schema compiled with ajv, made strict
 * about unknown fields the way the API server is (additionalProperties: false wherever a schema lists its
 * properties and does not preserve unknown fields). It checks structure only; our own validator adds
 * defaults, CEL rules and the Kubernetes formats, and must agree with it on every golden.
 */
type Schema = Record<string, unknown>;

function strict(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(strict);
  if (!s || typeof s !== 'object') return s;
  const o: Schema = {};
  for (const [k, v] of Object.entries(s as Schema)) o[k] = k.startsWith('x-kubernetes-') ? v : strict(v);
  if (o.properties && o.additionalProperties === undefined && !o['x-kubernetes-preserve-unknown-fields'])
    o.additionalProperties = false;
  if (o['x-kubernetes-int-or-string'] && !o.anyOf && !o.oneOf) {
    delete o.type;
    o.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  return o;
}

function yamlFiles(p: string): string[] {
  return statSync(p).isDirectory()
    ? readdirSync(p).flatMap((n) => yamlFiles(join(p, n)))
    : /\.ya?ml$/.test(p)
      ? [p]
      : [];
}

// ajv-formats is CommonJS: its plugin is the module itself or its `default`, depending on the loader.
const addFormats = ((formatsModule as unknown as { default?: typeof formatsModule }).default ??
  formatsModule) as unknown as (a: Ajv) => void;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
for (const f of ['int32', 'int64']) ajv.addFormat(f, { type: 'number', validate: Number.isInteger });
ajv.addFormat('byte', /^[A-Za-z0-9+/]*={0,2}$/);

const validators = new Map<string, ValidateFunction>();
for (const file of officialCrdPaths('standard').flatMap(yamlFiles))
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    const crd = doc.toJS();
    if (crd?.kind !== 'CustomResourceDefinition') continue;
    for (const v of crd.spec.versions)
      if (v.served && v.schema?.openAPIV3Schema) {
        const schema = strict(v.schema.openAPIV3Schema) as Schema;
        // metadata is validated by the API server itself, not by the CRD schema.
        (schema.properties as Schema).metadata = { type: 'object' };
        validators.set(`${crd.spec.group}/${v.name}/${crd.spec.names.kind}`, ajv.compile(schema));
      }
  }

const goldens = [
  'examples/task-api/stack.golden.yaml',
  ...readdirSync('test/golden').map((d) => join('test/golden', d, 'stack.golden.yaml')),
];

describe('golden stacks against the official CRD schemas compiled with ajv', () => {
  it.each(goldens)('%s', (file) => {
    let checked = 0;
    const errors: string[] = [];
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
      const obj = doc.toJS();
      const validate = validators.get(`${obj.apiVersion}/${obj.kind}`);
      if (!validate) continue;
      checked++;
      if (!validate(obj))
        errors.push(
          ...(validate.errors ?? []).map(
            (e) => `${obj.kind} ${obj.metadata.name}${e.instancePath}: ${e.message} ${JSON.stringify(e.params)}`,
          ),
        );
    }
    expect(errors).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it('the oracle does reject an unknown field', () => {
    const text = readFileSync('examples/task-api/stack.golden.yaml', 'utf8').replace(
      'circuitBreaker:',
      'circuitBreakr:',
    );
    const btp = parseAllDocuments(text)
      .map((d) => d.toJS())
      .find((o) => o.kind === 'BackendTrafficPolicy');
    const validate = validators.get('gateway.envoyproxy.io/v1alpha1/BackendTrafficPolicy')!;
    expect(validate(btp)).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === 'additionalProperties')).toBe(true);
  });
});
