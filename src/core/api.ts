/**
 * The one API of traffic-engineer. The CLI (src/cli) and the MCP server (src/mcp) are thin adapters over it.
 */
export { GenerateInput, type GenerateOptions, type GenerateResult, generate } from './generate.js';
export { MAX_INPUT_BYTES, readInputFile } from './read-input.js';
export { recommend, RecommendInput, DECISION_TREE, decisionTreeMarkdown, type Recommendation } from './recommend.js';
export { PLAYBOOKS, Symptom, findPlaybook, explains, troubleshootingMarkdown, type Playbook } from './troubleshoot.js';
export { check, CheckInput, type CheckOptions, type CheckResult } from './check.js';
export { validate, ValidateInput, resolveCrds, type ValidateResult, type ValidateDeps } from './validate.js';
export { readManifests, type ReadManifestsResult } from './read-manifests.js';
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
