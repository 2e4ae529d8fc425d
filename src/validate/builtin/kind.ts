import type { Manifest } from '../../model/manifest.js';
import type { Finding } from '../schema/findings.js';
import type { Schema } from './openapi.js';

export interface BuiltinOptions {
  /** Clock for certificate expiry checks. Default: now. */
  now?: Date;
}

/** One core kind validated without CRDs: a hand-written schema plus checks code does better. */
export interface BuiltinKind {
  apiVersion: string;
  kind: string;
  schema: Schema;
  /** How metadata.name is checked. */
  nameErrors: (name: string) => string[];
  /** Checks beyond the schema (run only when the schema found no error). */
  check?: (object: Manifest, opts: BuiltinOptions) => Finding[];
}
