/**
 * Plain arguments shared with core's inputs (GenerateInput, ValidateInput, CheckInput, ClusterTarget),
 * declared here because importing those modules would load all of core, the validator and the cluster
 * layer when the server starts. test/mcp/inputs.test.ts checks each field against core's own schema,
 * so the two cannot drift apart. Spec parts are never restated: they come from src/spec/schema.
 */
import * as z from 'zod';

export const SpecPathArg = z.string().optional();
/** core ValidateInput.paths / .yaml / .crds / .disable */
export const PathsArg = z.array(z.string()).default([]);
export const YamlArg = z
  .string()
  .max(16 * 1024 * 1024)
  .optional();
export const CrdsArg = z.array(z.string()).default([]);
export const DisableArg = z.array(z.string()).default([]);
/** core CheckInput.configPaths */
export const ConfigPathsArg = z.array(z.string()).optional();
/** core ClusterTarget */
export const KubeconfigArg = z.string().optional();
export const ContextArg = z.string().optional();
/** core VerifyInput.origin / .portForward */
export const OriginArg = z.array(z.string()).default([]);
export const PortForwardArg = z.boolean().default(false);
/** core SimulateInput.configPaths and UrlRequest */
export const ConfigPathsListArg = z.array(z.string()).default([]);
export const UrlRequestArg = z.object({
  url: z.string().url(),
  method: z.string().default('GET'),
  headers: z.record(z.string(), z.string()).default({}),
});
