/**
 * The one API of traffic-engineer. The CLI (src/cli) and the MCP server (src/mcp) are thin adapters over it.
 */

export { CheckInput, type CheckOptions, type CheckResult, check } from './check.js';
export {
  ClusterTarget,
  clusterApply,
  clusterDiff,
  clusterDryRun,
  clusterGatewayEndpoint,
  clusterPreflight,
  clusterStatus,
  loadStack,
} from './cluster-api.js';
export { GenerateInput, type GenerateOptions, type GenerateResult, generate } from './generate.js';
export { MAX_INPUT_BYTES, readInputFile } from './read-input.js';
export { type ReadManifestsResult, readManifests } from './read-manifests.js';
export { DECISION_TREE, decisionTreeMarkdown, type Recommendation, RecommendInput, recommend } from './recommend.js';
export { SimulateInput, type SimulateOutcome, type SimulateResult, simulate, UrlRequest } from './simulate.js';
export { explains, findPlaybook, PLAYBOOKS, type Playbook, Symptom, troubleshootingMarkdown } from './troubleshoot.js';
export { resolveCrds, type ValidateDeps, ValidateInput, type ValidateResult, validate } from './validate.js';
export { type VerifyDeps, VerifyInput, type VerifyResult, verify } from './verify.js';
