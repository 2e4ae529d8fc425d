/** `traffic-engineer preflight`: is this cluster ready for the stack, and what to install if not. */
import * as z from 'zod';
import { formatPreflight } from '../../cluster/index.js';
import { ClusterTarget, clusterPreflight } from '../../core/cluster-api.js';
import { defineCommand, EXIT } from '../command.js';
import { formatDiagnosticLines } from '../diagnostics.js';
import { formatOption } from '../stack-args.js';

export const preflightCommand = defineCommand({
  name: 'preflight',
  summary: 'Check the cluster: API, Gateway API / Envoy Gateway / KEDA / cert-manager CRDs, GatewayClass, Prometheus',
  positionals: [],
  options: z.object({
    ...ClusterTarget.shape,
    gatewayClass: z.string().default('eg').describe('GatewayClass that Envoy Gateway must have accepted'),
    prometheus: z
      .string()
      .optional()
      .describe('Prometheus URL a ScaledObject trigger uses (checked through the service proxy for *.svc URLs)'),
    format: formatOption(),
  }),
  examples: [
    'traffic-engineer preflight',
    'traffic-engineer preflight --context kind-dev --prometheus http://prometheus.monitoring.svc:9090',
  ],
  async run(args, _positionals, io) {
    const r = await clusterPreflight(
      {
        kubeconfig: args.kubeconfig,
        context: args.context,
        gatewayClass: args.gatewayClass,
        prometheusUrl: args.prometheus,
      },
      { env: io.env },
    );
    if (r.diagnostics.length) io.stderr(formatDiagnosticLines(r.diagnostics));
    if (r.result)
      io.stdout(args.format === 'json' ? `${JSON.stringify(r.result, null, 2)}\n` : `${formatPreflight(r.result)}\n`);
    return r.ok ? EXIT.ok : EXIT.findings;
  },
});
