import { Environment } from '@marcbachmann/cel-js';
import { registerFormatLibrary } from './lib-format.js';
import { registerNetLibrary } from './lib-net.js';
import { registerQuantityLibrary } from './lib-quantity.js';
import { registerStringListLibrary } from './lib-strings.js';

let shared: Environment | undefined;

/**
 * The CEL environment used for `x-kubernetes-validations`: `self`/`oldSelf` are dynamic, and the
 * Kubernetes CEL library (strings/lists extensions, regex find, URLs, IPs, CIDRs, quantities,
 * `format.*`) is registered. Built once per process.
 */
export function celEnvironment(): Environment {
  if (shared) return shared;
  const env = new Environment({
    unlistedVariablesAreDyn: true,
    homogeneousAggregateLiterals: false,
    enableOptionalTypes: true,
  });
  registerStringListLibrary(env);
  registerNetLibrary(env);
  registerQuantityLibrary(env);
  registerFormatLibrary(env);
  shared = env;
  return env;
}
