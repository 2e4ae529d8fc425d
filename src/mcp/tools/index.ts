import type { ToolDef } from '../tool.js';
import applyStack from './apply-stack.js';
import clusterStatus from './cluster-status.js';
import dryRun from './dry-run.js';
import generateCircuitBreaker from './generate-circuit-breaker.js';
import generateGateway from './generate-gateway.js';
import generateHttproute from './generate-httproute.js';
import generateRatelimit from './generate-ratelimit.js';
import generateScaler from './generate-scaler.js';
import generateStack from './generate-stack.js';
import generateTls from './generate-tls.js';
import recommend from './recommend.js';
import simulateRequests from './simulate-requests.js';
import troubleshoot from './troubleshoot.js';
import validateCriteria from './validate-criteria.js';
import validateManifests from './validate-manifests.js';

/** Every tool, in tools/list order. One file per tool (file name = tool name with - for _); register new ones here. */
export const tools: ToolDef[] = [
  generateStack,
  generateGateway,
  generateHttproute,
  generateRatelimit,
  generateCircuitBreaker,
  generateTls,
  generateScaler,
  validateManifests,
  simulateRequests,
  validateCriteria,
  dryRun,
  applyStack,
  clusterStatus,
  recommend,
  troubleshoot,
] as unknown as ToolDef[];
