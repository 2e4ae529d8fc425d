/**
 * `traffic-engineer simulate`: predict, from the config alone, what each request gets
 * (listener, route, rule, match, backend split, redirect/Location, rewrite, or 404/421/500 and why),
 * per the Gateway API v1.6 specification.
 */
import * as z from 'zod';
import { readInputFile, simulate } from '../../core/api.js';
import { formatResultText, parseRequestsJson } from '../../simulate/route/index.js';
import { defineCommand, EXIT } from '../command.js';
import { formatDiagnosticLines } from '../diagnostics.js';

export const simulateCommand = defineCommand({
  name: 'simulate',
  summary: 'Predict how the Gateway API config routes each request (no cluster needed)',
  positionals: [
    { name: 'more-config', description: 'further config files (same as repeating --config)', variadic: true },
  ],
  options: z.object({
    config: z
      .array(z.string())
      .default([])
      .describe('YAML manifests: Gateways, ListenerSets, HTTPRoutes, Services, ReferenceGrants, Namespaces, Secrets'),
    requests: z
      .string()
      .describe('JSON file (or - for stdin): an array of requests, or an array of cases whose `requests` are taken'),
    format: z.enum(['json', 'text']).default('text').describe('Output format: one result per request, in order'),
  }),
  short: { c: 'config', r: 'requests', f: 'format' },
  examples: [
    'traffic-engineer simulate --config stack.yaml --requests requests.json',
    'traffic-engineer simulate --config gateway.yaml routes.yaml --requests cases.json --format json',
  ],
  async run(args, positionals, io) {
    const files = [...args.config, ...positionals];
    if (files.length === 0) {
      io.stderr('traffic-engineer simulate: give at least one --config file\n');
      return EXIT.usage;
    }
    const reqFile = await readInputFile(args.requests, io.readStdin);
    const parsedReqs = reqFile.ok
      ? parseRequestsJson(reqFile.text, reqFile.file)
      : { requests: [], diagnostics: [reqFile.diagnostic] };
    if (parsedReqs.diagnostics.some((d) => d.severity === 'error')) {
      io.stderr(formatDiagnosticLines(parsedReqs.diagnostics));
      return EXIT.usage;
    }
    const r = await simulate({ configPaths: files, requests: parsedReqs.requests }, { readStdin: io.readStdin });
    if (r.inputError || r.diagnostics.some((d) => d.severity === 'error')) {
      io.stderr(formatDiagnosticLines(r.diagnostics));
      return EXIT.usage;
    }
    const results = r.results.map(({ request: _, ...rest }) => rest);
    if (args.format === 'json') io.stdout(`${JSON.stringify(results, null, 2)}\n`);
    else io.stdout(results.map((x, k) => `${formatResultText(parsedReqs.requests[k], x)}\n`).join(''));
    return EXIT.ok;
  },
});
