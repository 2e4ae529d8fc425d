/**
 * `traffic-engineer init`: a commented starter TrafficSpec, from scratch (the Task API shape) or
 * drafted from a prose-only markdown spec's validation commands, with TODOs for the rest.
 */

export type { Evidence, Note } from './draft.js';
export { emitYaml } from './emit.js';
export { draftFromEvidence, type Starter, type StarterOptions, starterSpec } from './starter.js';
