import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { type Env, FIXTURES, startEnv } from './setup.js';
import { gatewayStatus, policyStatus, routeStatus, scaledObjectStatus } from './statuses.js';

const STACK = join(FIXTURES, 'stack.yaml');

describe('cluster commands (CLI, against the fake API server)', () => {
  let env: Env;
  beforeEach(async () => {
    env = await startEnv();
  });
  afterEach(async () => {
    await env.fake.stop();
  });
  const kc = () => ['--kubeconfig', env.kubeconfig];

  it('preflight prints each check and the install command of what is missing; exit 1', async () => {
    const r = await runCli(['preflight', ...kc()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ok   Kubernetes API v1.34.1');
    expect(r.stdout).toMatch(/FAIL cert-manager CRDs: missing: .*\n\s+helm install cert-manager/);
    expect(r.stdout).toContain('helm install eg oci://docker.io/envoyproxy/gateway-helm --version v1.9.0');
  });

  it('dry-run: per-object result; a rejection is printed at file:line with the field; exit 1', async () => {
    env.fake.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'task-api' } });
    const ok = await runCli(['dry-run', STACK, ...kc()]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/unchanged\s+Namespace task-api/);
    expect(ok.stdout).toMatch(/created\s+HTTPRoute task-api\/tasks/);
    env.fake.reject((o) =>
      o.kind === 'BackendTrafficPolicy'
        ? [{ field: 'spec.rateLimit.local.rules[0].limit.unit', message: 'Unsupported value: "Fortnight"' }]
        : undefined,
    );
    const bad = await runCli(['dry-run', STACK, ...kc()]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      `${STACK}:51:19: error cluster/rejected: BackendTrafficPolicy task-api/tasks-ratelimit spec.rateLimit.local.rules[0].limit.unit: Unsupported value`,
    );
  });

  it('apply without --yes prints the plan and refuses (exit 2); with --yes it applies and waits (exit 0)', async () => {
    const no = await runCli(['apply', STACK, ...kc()]);
    expect(no.code).toBe(2);
    expect(no.stderr).toContain('context:    fake');
    expect(no.stderr).toContain('namespaces: task-api');
    expect(no.stderr).toContain('cluster/confirmation-required');
    expect(env.fake.requests.filter((q) => q.method === 'PATCH')).toEqual([]);

    env.fake.scriptStatus('gateway.networking.k8s.io/v1', 'Gateway', 'task-api', 'eg', (n) =>
      gatewayStatus(n >= 2, 'NoResources'),
    );
    env.fake.scriptStatus('gateway.networking.k8s.io/v1', 'HTTPRoute', 'task-api', 'tasks', () => routeStatus());
    env.fake.scriptStatus('gateway.envoyproxy.io/v1alpha1', 'BackendTrafficPolicy', 'task-api', 'tasks-ratelimit', () =>
      policyStatus(true),
    );
    env.fake.scriptStatus('keda.sh/v1alpha1', 'ScaledObject', 'task-api', 'task-api', () => scaledObjectStatus(true));
    const yes = await runCli(['apply', STACK, '--yes', '--timeout', '10', ...kc()]);
    expect(yes.stderr).toContain('applied   Gateway task-api/eg');
    expect(yes.stderr).toContain(
      'waiting   Gateway task-api/eg: Programmed=False (reason NoResources): Waiting for controller',
    );
    expect(yes.stderr).toMatch(/ready\s+ScaledObject task-api\/task-api after [\d.]+s: Ready=True/);
    expect(yes.stdout).toBe('applied 5 object(s); all conditions met\n');
    expect(yes.code).toBe(0);

    const st = await runCli(['status', STACK, ...kc()]);
    expect(st.code).toBe(0);
    expect(st.stdout).toMatch(/HTTPRoute task-api\/tasks: READY/);

    const same = await runCli(['diff', STACK, ...kc()]);
    expect(same.stdout).toContain('0 object(s) differ from context fake; 5 unchanged');
    expect(same.code).toBe(0);
  });

  it('diff exits 1 and prints the diff when live differs', async () => {
    const r = await runCli(['diff', STACK, ...kc()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('--- live Namespace task-api (absent)');
    expect(r.stdout).toContain('5 object(s) differ');
  });

  it('a missing kubeconfig is a diagnostic, not a stack trace', async () => {
    const r = await runCli(['status', STACK, '--kubeconfig', join(FIXTURES, 'no-such-kubeconfig')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error cluster/no-kubeconfig: no kubeconfig found');
    expect(r.stderr).toContain('hint:');
  });
});
