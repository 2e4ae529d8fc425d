import type { Environment } from '@marcbachmann/cel-js';
import { Optional } from '@marcbachmann/cel-js';
import { checkFormat } from '../formats.js';
import {
  dns1035LabelErrors,
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  labelValueErrors,
  qualifiedNameErrors,
  withPrefixTolerance,
} from '../k8s-names.js';

/** A named string format of the Kubernetes CEL format library (`format.dns1123Label()`). */
export class CelFormat {
  constructor(
    readonly name: string,
    readonly check?: (s: string) => string[],
  ) {}
}

/** The `format` identifier that the named formats hang off. */
export class FormatNamespace {}

const fromFormat = (f: string, what: string) => (s: string) =>
  checkFormat(f, s) ? [] : [`does not match the ${what} format`];

const FORMATS: Record<string, (s: string) => string[]> = {
  dns1123Label: dns1123LabelErrors,
  dns1123Subdomain: dns1123SubdomainErrors,
  dns1035Label: dns1035LabelErrors,
  qualifiedName: qualifiedNameErrors,
  dns1123LabelPrefix: withPrefixTolerance(dns1123LabelErrors),
  dns1123SubdomainPrefix: withPrefixTolerance(dns1123SubdomainErrors),
  dns1035LabelPrefix: withPrefixTolerance(dns1035LabelErrors),
  labelValue: labelValueErrors,
  uri: fromFormat('uri', 'URI'),
  uuid: fromFormat('uuid', 'UUID'),
  byte: fromFormat('byte', 'base64'),
  date: fromFormat('date', 'date'),
  datetime: fromFormat('datetime', 'date-time'),
};

/**
 * Kubernetes CEL format library. Deviation: `validate` returns `null` when the value is valid
 * and the list of errors otherwise (Kubernetes returns an optional); this keeps the shipped
 * rule `format.dns1123Label().validate(self) == null` meaningful.
 */
export function registerFormatLibrary(env: Environment): void {
  env.registerType('kubernetes.Format', CelFormat);
  env.registerType('kubernetes.FormatNamespace', FormatNamespace);
  env.registerConstant('format', 'kubernetes.FormatNamespace', new FormatNamespace());
  for (const [name, check] of Object.entries(FORMATS)) {
    env.registerFunction(`kubernetes.FormatNamespace.${name}(): kubernetes.Format`, () => new CelFormat(name, check));
  }
  env.registerFunction(
    'kubernetes.FormatNamespace.named(string): optional<kubernetes.Format>',
    (_ns: unknown, n: string) => (FORMATS[n] ? Optional.of(new CelFormat(n, FORMATS[n])) : Optional.none()),
  );
  env.registerFunction('kubernetes.Format.validate(string): dyn', (f: CelFormat, s: string) => {
    const errs = f.check?.(s) ?? [];
    return errs.length === 0 ? null : errs;
  });
}
