import { type Diagnostic, formatPath } from '../../model/diagnostic.js';
import { parseMarkdownSpec } from '../markdown/index.js';
import { TrafficSpec, type TrafficSpecInput } from '../schema/index.js';
import { type Evidence, Notes } from './draft.js';
import { emitYaml } from './emit.js';
import { draftApp, draftNamespace } from './identity.js';
import { draftRateLimit } from './limits.js';
import { draftGateway, draftTls } from './origins.js';
import { draftAutoscaling, draftCircuitBreaker, draftPolicyName } from './resources.js';
import { draftRoutes } from './routes.js';
import { taskApiShape } from './task-api-shape.js';

export interface StarterOptions {
  /** A markdown spec to draft from (prose, `### SC-00N` criteria and their validation commands). */
  from?: { markdown: string; file?: string };
}

export interface Starter {
  /** Commented TrafficSpec YAML; `# TODO: …` marks every value the input does not make explicit. */
  yaml: string;
  /** The same TODOs, as `path: what to decide`. */
  todos: string[];
  /** Problems met reading the input, and a check that the starter is a valid TrafficSpec. */
  diagnostics: Diagnostic[];
}

/** Drafts a spec from what a markdown spec's validation commands (and prose) make explicit. */
export function draftFromEvidence(ev: Evidence): { spec: TrafficSpecInput; notes: Notes } {
  const notes = new Notes();
  const app = draftApp(ev, notes);
  const namespace = draftNamespace(ev, app, notes);
  const { services, routes } = draftRoutes(ev, app, notes);
  const spec: TrafficSpecInput = { app, namespace, services, gateway: draftGateway(ev, notes) };
  const tls = draftTls(ev, app, notes);
  if (tls) spec.tls = tls;
  if (routes) spec.routes = routes;
  const policyName = draftPolicyName(ev, notes);
  if (policyName) spec.policyName = policyName;
  const rateLimit = draftRateLimit(ev, notes);
  if (rateLimit) spec.rateLimit = rateLimit;
  const circuitBreaker = draftCircuitBreaker(ev, notes);
  if (circuitBreaker) spec.circuitBreaker = circuitBreaker;
  const autoscaling = draftAutoscaling(ev, notes);
  if (autoscaling) spec.autoscaling = autoscaling;
  if (ev.criteria.length > 0) {
    // id, title and description first: easier to read than the parser's order
    spec.criteria = ev.criteria.map(({ id, title, description, checks }) => ({
      id,
      title,
      ...(description !== undefined ? { description } : {}),
      checks,
    }));
    notes.note(
      ['criteria'],
      `success criteria as parsed from ${ev.file ?? 'the markdown'}; manual checks are commands kept verbatim`,
    );
    ev.criteria.forEach((c, i) => {
      c.checks.forEach((k, j) => {
        if (k.kind === 'manual')
          notes.todo(
            ['criteria', i, 'checks', j],
            `${c.id}: not understood (${k.reason ?? 'unknown'}); rewrite it or check it by hand`,
          );
      });
    });
  }
  return { spec, notes };
}

/**
 * A commented starter TrafficSpec. Without `from`: the Task API shape (HTTP and HTTPS, versioned
 * routes, per-user and anonymous limits, a circuit breaker, KEDA) with placeholder names.
 * With a prose-only markdown spec: what its validation commands make explicit — URLs, ports,
 * paths, identity headers, request counts and expected codes, kubectl namespaces and names,
 * min/max replicas, field values — and a TODO for everything else. The criteria are carried over.
 */
export function starterSpec(opts: StarterOptions = {}): Starter {
  const diagnostics: Diagnostic[] = [];
  let drafted: { spec: TrafficSpecInput; notes: Notes };
  let header: string[];
  if (opts.from) {
    const file = opts.from.file;
    const md = parseMarkdownSpec(opts.from.markdown, file);
    diagnostics.push(...md.diagnostics);
    if (md.yaml)
      diagnostics.push({
        code: 'init/has-structured-spec',
        severity: 'warning',
        ...(file ? { file } : {}),
        line: md.yaml.line,
        message:
          'the markdown already holds a structured YAML spec; this draft is made from its commands and prose only',
        hint: 'use the existing block, or remove it if the draft replaces it',
      });
    drafted = draftFromEvidence({
      criteria: md.criteria,
      prose: md.prose,
      ...(md.title ? { title: md.title } : {}),
      ...(file ? { file } : {}),
    });
    header = [
      `TrafficSpec drafted by \`traffic-engineer init\` from ${file ?? 'a markdown spec'}.`,
      'Values come from its validation commands (the comments cite the criteria);',
      'every line marked TODO needs a decision before generating.',
    ];
  } else {
    drafted = taskApiShape();
    header = [
      'TrafficSpec starter (the Task API shape): HTTP and HTTPS listeners, versioned routes,',
      'per-user and anonymous rate limits, a circuit breaker and KEDA autoscaling.',
      'Replace every value marked TODO; delete the sections you do not need.',
    ];
  }
  const { spec, notes } = drafted;
  const yaml = emitYaml(spec, notes.list, header);
  const todos = notes.list.filter((n) => n.todo).map((n) => `${formatPath(n.path)}: ${n.text}`);
  const valid = TrafficSpec.safeParse(spec);
  if (!valid.success)
    for (const issue of valid.error.issues)
      diagnostics.push({
        code: 'init/invalid-starter',
        severity: 'warning',
        path: formatPath(issue.path as (string | number)[]) || '(root)',
        message: `the starter is not yet a valid TrafficSpec: ${issue.message}`,
        hint: 'fill in the TODOs',
      });
  return { yaml, todos, diagnostics };
}
