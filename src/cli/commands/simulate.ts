/**
 * `traffic-engineer simulate`: predict, from the config alone, what each request gets
 * (listener, route, rule, match, backend split, redirect/Location, rewrite, or 404/421/500 and why),
 * per the Gateway API v1.6 specification.
 */
import * as z from 'zod';
import { readInputFile } from '../../core/read-input.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { parseManifestStream } from '../../model/load-yaml.js';
import type { Manifest } from '../../model/manifest.js';
import { formatResultText, parseRequestsJson, simulateRequests } from '../../simulate/route/index.js';
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
    const diagnostics: Diagnostic[] = [];
    const manifests: Manifest[] = [];
    for (const f of files) {
      const read = await readInputFile(f, io.readStdin);
      if (!read.ok) {
        diagnostics.push(read.diagnostic);
        continue;
      }
      const parsed = parseManifestStream(read.text, read.file);
      diagnostics.push(...parsed.diagnostics);
      manifests.push(...parsed.docs.map((d) => d.object));
    }
    const reqFile = await readInputFile(args.requests, io.readStdin);
    if (!reqFile.ok) diagnostics.push(reqFile.diagnostic);
    const parsedReqs = reqFile.ok ? parseRequestsJson(reqFile.text, reqFile.file) : { requests: [], diagnostics: [] };
    diagnostics.push(...parsedReqs.diagnostics);
    if (diagnostics.some((d) => d.severity === 'error')) {
      io.stderr(formatDiagnosticLines(diagnostics));
      return EXIT.usage;
    }
    const results = simulateRequests(manifests, parsedReqs.requests);
    if (args.format === 'json') io.stdout(`${JSON.stringify(results, null, 2)}\n`);
    else io.stdout(results.map((r, i) => `${formatResultText(parsedReqs.requests[i], r)}\n`).join(''));
    return EXIT.ok;
  },
});
