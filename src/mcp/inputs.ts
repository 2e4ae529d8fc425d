/**
 * Plain arguments the tools share with core's inputs, taken from core's own schemas (src/core/inputs.ts
 * imports only zod and the spec schemas, so the server starts without loading the rest of core).
 * Types and defaults come from core; the long CLI-oriented descriptions are dropped (tools/list must stay
 * small) and each tool words its own where it needs one.
 */
import type * as z from 'zod';
import {
  CheckInput,
  ClusterTarget,
  GenerateInput,
  SimulateInput,
  UrlRequest,
  ValidateInput,
  VerifyInput,
} from '../core/inputs.js';

/** The same schema (type, checks, default) without its description. */
function bare<T extends z.ZodType>(schema: T): T {
  return schema.clone(schema._zod.def) as T;
}

export const SpecPathArg = bare(GenerateInput.shape.specPath);
export const PathsArg = bare(ValidateInput.shape.paths);
export const YamlArg = bare(ValidateInput.shape.yaml);
export const CrdsArg = bare(ValidateInput.shape.crds);
export const DisableArg = bare(ValidateInput.shape.disable);
export const ConfigPathsArg = bare(CheckInput.shape.configPaths);
export const KubeconfigArg = bare(ClusterTarget.shape.kubeconfig);
export const ContextArg = bare(ClusterTarget.shape.context);
export const OriginArg = bare(VerifyInput.shape.origin);
export const PortForwardArg = bare(VerifyInput.shape.portForward);
export const ConfigPathsListArg = bare(SimulateInput.shape.configPaths);
export const UrlRequestArg = UrlRequest;
