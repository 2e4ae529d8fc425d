/**
 * src/cluster: everything that talks to a Kubernetes API server. The only module that imports
 * `@kubernetes/client-node`, and only lazily (inside `connect` and `portForward`), so commands that never touch a
 * cluster never load it. All functions take a ClusterClient from `connect()`.
 */

/** API error Status objects. */
export { type ApiFailure, type StatusCause, toApiFailure } from './api-status.js';
/** Apply in dependency order with condition waits; refuses without `yes`. */
export {
  type ApplyOptions,
  type ApplyPlan,
  type ApplyProgress,
  type ApplyResult,
  apply,
  formatPlan,
  formatProgress,
  planApply,
} from './apply.js';
/** Connect: kubeconfig (`KUBECONFIG`, `~/.kube/config`, in-cluster) and `--context`; no server call. */
export { type ApplyOutcome, type ClusterClient, type ConnectOptions, connect, type ResourceInfo } from './client.js';
/** Readiness rules per kind (pure). */
export { type Condition, conditionsOf, isPolicy, type Readiness, readiness, waitsFor } from './conditions.js';
/** The cluster's CRDs (for `--crds cluster`) and version helpers. */
export { compareVersions, crdVersion, listCrds, servedVersions } from './crds.js';
/** Live vs desired, restricted to the fields we set; Secret values shown as size + hash only. */
export { type DiffResult, diff, diffObject, formatDiff, type ObjectDiff, project, redactSecret } from './diff.js';
/** Input accepted by dry-run, apply, diff: parsed documents (with positions) or plain objects. */
export { type ClusterInput, toDocs } from './docs.js';
/** Server-side dry-run: created / configured / unchanged per object; rejections as `cluster/rejected` on document + path. */
export {
  type DryRunAction,
  type DryRunObject,
  type DryRunOptions,
  type DryRunResult,
  dryRun,
  FIELD_MANAGER,
  formatDryRun,
} from './dry-run.js';
/** Reaching the gateway: the Envoy Service of a Gateway, and port-forwarding to one of its pods. */
export {
  describeEnvoyService,
  type EnvoyService,
  findEnvoyService,
  OWNING_GATEWAY_NAME,
  OWNING_GATEWAY_NAMESPACE,
  type ServicePort,
} from './envoy-service.js';
/** Typed I/O errors (`no-kubeconfig`, `bad-context`, `unreachable`, `unauthorized`, `forbidden`, `timeout`) and their Diagnostics. */
export { ClusterError, type ClusterErrorKind, clusterErrorToDiagnostic, isClusterError } from './errors.js';
export {
  type Component,
  componentOfGroup,
  EG_CONTROLLER,
  EG_NAMESPACE,
  gatewayClassFix,
  INSTALL,
  VERSIONS,
} from './install.js';
export { unifiedDiff } from './line-diff.js';
export { applyStage, orderForApply } from './order.js';
export { type PortForwardHandle, podPortFor, portForward, readyPodOf } from './port-forward.js';
/** Preflight: API, CRDs and versions, GatewayClass, Envoy Gateway controller, Prometheus; with install commands. */
export {
  formatPreflight,
  type PreflightItem,
  type PreflightOptions,
  type PreflightResult,
  preflight,
} from './preflight.js';
export { checkPrometheus, inClusterService } from './prometheus.js';
/** Status → Diagnostics mapping (Kubernetes field paths to our paths and source lines). */
export { failureToDiagnostics, parseK8sFieldPath } from './rejection.js';
/** Live conditions of every object, as data and as a table. */
export {
  type ConditionRow,
  type HpaStatus,
  hpaNameOf,
  type ObjectRef,
  type ObjectStatus,
  type StatusResult,
  status,
} from './status.js';
export { formatStatus } from './status-format.js';
export { describeReadiness, type WaitOptions, type WaitOutcome, waitUntilReady } from './wait.js';
