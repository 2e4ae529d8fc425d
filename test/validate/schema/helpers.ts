import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import { parseManifestStream } from '../../../src/model/load-yaml.js';
import { addCrdsFromText, CrdSet } from '../../../src/validate/crds/index.js';
import { createSchemaValidator } from '../../../src/validate/schema/index.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'validate-schema');

export function widgetCrds(): CrdSet {
  const set = new CrdSet();
  addCrdsFromText(set, readFileSync(join(FIXTURES, 'widget-crd.yaml'), 'utf8'), 'widget-crd.yaml');
  return set;
}

const validator = createSchemaValidator(widgetCrds());

/** A valid Widget with `spec` fields merged in (YAML text after `spec:`). */
export function widget(specYaml: string, meta = '{name: w, namespace: default}'): string {
  return `apiVersion: example.test/v1
kind: Widget
metadata: ${meta}
spec:
  listeners:
    - {name: http, port: 80, protocol: HTTP}
${specYaml
  .split('\n')
  .map((l) => `  ${l}`)
  .join('\n')}
`;
}

export function validateText(text: string): Diagnostic[] {
  const { docs, diagnostics } = parseManifestStream(text, 'w.yaml');
  if (diagnostics.length > 0) throw new Error(JSON.stringify(diagnostics));
  return docs.flatMap((d) => validator.validate(d));
}

export function errorsOf(text: string): Diagnostic[] {
  return validateText(text).filter((d) => d.severity === 'error');
}
