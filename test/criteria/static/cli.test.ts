import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';

const EXAMPLE = 'examples/task-api/traffic-spec.md';
const TUTORIAL = 'test/fixtures/criteria-static/tutorial.yaml';

describe('traffic-engineer check', () => {
  it('text report; exit 1 when a criterion is violated', async () => {
    const r = await runCli(['check', EXAMPLE, '--config', TUTORIAL]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`Checked against ${TUTORIAL}`);
    expect(r.stdout).toContain('SC-001 External access: VIOLATED');
    expect(r.stdout).toContain('0 proved, 3 need a live check, 4 violated, 0 manual');
  });

  it('JSON: {criteria: [{id, title, verdict, evidence, checks: [{kind, verdict, expected, predicted, explanation}]}]}', async () => {
    const r = await runCli(['check', EXAMPLE, '-c', TUTORIAL, '--format', 'json']);
    const out = JSON.parse(r.stdout);
    expect(out.criteria[1]).toMatchObject({ id: 'SC-002', verdict: 'violated' });
    expect(Object.keys(out.criteria[1].checks[0]).sort()).toEqual([
      'expected',
      'explanation',
      'kind',
      'predicted',
      'raw',
      'verdict',
    ]);
    expect(Object.keys(out.criteria[1]).sort()).toEqual(['checks', 'evidence', 'id', 'title', 'verdict']);
  });

  it('--envoy-replicas and --no-rate-limit-service are passed through', async () => {
    const r = await runCli([
      'check',
      EXAMPLE,
      '-c',
      TUTORIAL,
      '--envoy-replicas',
      '3',
      '--no-rate-limit-service',
      '--format',
      'json',
    ]);
    const out = JSON.parse(r.stdout);
    expect(out.assumptions[0]).toContain('3 Envoy replica(s)');
    expect(out.assumptions[1]).toContain('NOT configured');
  });

  it('exit 2 on an unreadable config or spec', async () => {
    expect((await runCli(['check', EXAMPLE, '--config', 'test/fixtures/criteria-static/missing.yaml'])).code).toBe(2);
    const r = await runCli(['check', 'missing-spec.md', '--config', TUTORIAL]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read missing-spec.md');
  });
});
