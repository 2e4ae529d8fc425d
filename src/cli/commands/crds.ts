/** `traffic-engineer crds pull|list`: fill the local CRD cache from official release assets, or show it. */
import * as z from 'zod';
import { defaultCrdCacheDir, loadCrdCache, loadCrds, pullCrds } from '../../validate/crds/index.js';
import { defineCommand, EXIT } from '../command.js';
import { formatDiagnosticLines } from '../diagnostics.js';

const version = (project: string) =>
  z.string().optional().describe(`${project} release tag (default: the tested version); "none" skips it`);

const skip = (v: string | undefined): string | false | undefined => (v === 'none' ? false : v);

export const crdsCommand = defineCommand({
  name: 'crds',
  summary: 'Download the official CRDs into the local cache (pull), or list the CRDs validation will use (list)',
  positionals: [{ name: 'action', description: 'pull | list', required: true }],
  options: z.object({
    gatewayApi: version('Gateway API'),
    envoyGateway: version('Envoy Gateway'),
    keda: version('KEDA'),
    certManager: version('cert-manager'),
    channel: z.enum(['standard', 'experimental']).default('standard').describe('Gateway API release channel'),
    mirror: z.string().optional().describe('Replaces https://github.com in asset URLs'),
    cacheDir: z
      .string()
      .optional()
      .describe('Cache directory (default $TE_CRD_CACHE or ~/.cache/traffic-engineer/crds)'),
    timeout: z.number().default(60).describe('Per-download timeout, seconds'),
    crds: z.array(z.string()).optional().describe('list: CRD files or directories instead of the cache'),
  }),
  examples: [
    'traffic-engineer crds pull',
    'traffic-engineer crds pull --gateway-api v1.6.1 --channel experimental --keda none',
    'traffic-engineer crds list',
  ],
  async run(args, [action], io) {
    const cacheDir = args.cacheDir ?? defaultCrdCacheDir(io.env);
    if (action === 'pull') {
      const r = await pullCrds({
        gatewayApi: skip(args.gatewayApi),
        envoyGateway: skip(args.envoyGateway),
        keda: skip(args.keda),
        certManager: skip(args.certManager),
        channel: args.channel,
        mirror: args.mirror,
        cacheDir,
        timeoutMs: args.timeout * 1000,
      });
      for (const p of r.pulled) io.stdout(`${p.project} ${p.version}: ${p.crds} CRDs → ${p.path}\n`);
      if (r.diagnostics.length) io.stderr(formatDiagnosticLines(r.diagnostics));
      return r.diagnostics.some((d) => d.severity === 'error') ? EXIT.findings : EXIT.ok;
    }
    if (action === 'list') {
      const set = args.crds?.length ? await loadCrds(args.crds) : await loadCrdCache(cacheDir);
      for (const v of set.entries()) io.stdout(`${v.group}/${v.version}\t${v.kind}\t${v.source}\n`);
      if (set.diagnostics.length) io.stderr(formatDiagnosticLines(set.diagnostics));
      return set.diagnostics.some((d) => d.severity === 'error') ? EXIT.usage : EXIT.ok;
    }
    io.stderr(`unknown action "${action ?? ''}": use pull or list\n`);
    return EXIT.usage;
  },
});
