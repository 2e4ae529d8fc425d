import { describe, expect, it } from 'vitest';
import { Check } from '../../../src/spec/checks.js';
import { parseValidationCommands } from '../../../src/spec/commands/index.js';

const one = (block: string, output?: string) => {
  const checks = parseValidationCommands(block, output === undefined ? {} : { output });
  expect(checks).toHaveLength(1);
  expect(Check.safeParse(checks[0]).success).toBe(true);
  return checks[0];
};

describe('http checks', () => {
  it.each([
    [
      'plain status',
      'curl -s -o /dev/null -w "%{http_code}" http://localhost:8080/api/tasks\n# Expected: 200',
      { method: 'GET', url: 'http://localhost:8080/api/tasks', headers: {}, insecure: false, expect: { status: 200 } },
    ],
    [
      '-k and https',
      'curl -k -s -o /dev/null -w "%{http_code}" https://localhost:8443/api/tasks\n# Expected: 200',
      { url: 'https://localhost:8443/api/tasks', insecure: true, expect: { status: 200 } },
    ],
    [
      'combined short flags, header, method, trailing newline format',
      "curl -sk -X POST -o /dev/null -w '%{http_code}\\n' -H 'x-user-id: bob' -H \"Content-Type: application/json\" https://h:8443/api\n# Expected: 201 Created",
      {
        method: 'POST',
        insecure: true,
        headers: { 'x-user-id': 'bob', 'Content-Type': 'application/json' },
        expect: { status: 201 },
      },
    ],
    [
      'long options with =',
      'curl --silent --insecure --output=/dev/null --write-out=%{http_code} --header "a: b" --request=DELETE https://x/y\n# Expected: 404 (gone)',
      { method: 'DELETE', insecure: true, headers: { a: 'b' }, expect: { status: 404 } },
    ],
    [
      'status line of a HEAD request',
      'curl -sI http://localhost:8080/api/tasks | head -1\n# Expected: HTTP/1.1 200 OK',
      { method: 'HEAD', url: 'http://localhost:8080/api/tasks', expect: { status: 200 } },
    ],
    [
      'status line of curl -i, head -n 1',
      'curl -si -H "x-user-id: a" http://a/x | head -n 1\n# Expected: HTTP/2 429',
      { method: 'GET', headers: { 'x-user-id': 'a' }, expect: { status: 429 } },
    ],
    [
      'attached option values',
      'curl -so/dev/null -w%{http_code} -HX-Id:\\ 7 http://a/\n# Expected: 200',
      { headers: { 'X-Id': '7' }, expect: { status: 200 } },
    ],
    [
      'scheme-less URL gets http://',
      'curl -s -o /dev/null -w "%{http_code}" localhost:8080/healthz\n# Expected: HTTP 200',
      { url: 'http://localhost:8080/healthz', expect: { status: 200 } },
    ],
    [
      '-I is HEAD; inline expected comment',
      'curl -sI -o /dev/null -w "%{http_code}" http://localhost:8080/  # Expected: 204',
      { method: 'HEAD', expect: { status: 204 } },
    ],
    [
      'line continuations',
      'curl -s \\\n  -o /dev/null \\\n  -w "%{http_code}" \\\n  http://localhost:8080/api/tasks\n# Expected: 200',
      { url: 'http://localhost:8080/api/tasks', expect: { status: 200 } },
    ],
  ])('%s', (_name, block, want) => {
    const c = one(block);
    expect(c.kind).toBe('http');
    expect(c).toMatchObject(want);
  });

  it('keeps the command verbatim in raw', () => {
    const c = one('curl -s -o /dev/null -w "%{http_code}" \\\n  http://a/b\n# Expected: 200');
    expect(c).toMatchObject({ raw: 'curl -s -o /dev/null -w "%{http_code}" \\\n  http://a/b' });
  });
});

describe('burst checks', () => {
  const loop = (header: string, tail: string, n = '{1..110}') =>
    `for i in ${n}; do\n  curl -s -o /dev/null -w "%{http_code}\\n" \\\n    ${header}http://localhost:8080/api/tasks\ndone | ${tail}`;

  it.each([
    [
      'grep | wc -l',
      loop('-H "x-user-id: test" ', 'grep 429 | wc -l') + '\n# Expected: 10 (requests 101-110 rejected)',
      110,
      { 'x-user-id': 'test' },
      { '429': 10 },
    ],
    ['grep -c', loop('', 'grep -c 429') + '\n# Expected: 5', 110, {}, { '429': 5 }],
    ['anchored grep pattern', loop('', "grep -x '^200$' | wc -l") + '\n# Expected: 100', 110, {}, { '200': 100 }],
    [
      'sort | uniq -c, two Expected lines',
      loop('', 'sort | uniq -c', '{1..15}') + '\n# Expected: 10 200\n# Expected: 5 429',
      15,
      {},
      { '200': 10, '429': 5 },
    ],
    [
      'sort | uniq -c, multi-line Expected',
      loop('', 'sort | uniq -c') + '\n# Expected:\n#   100 200\n#    10 429',
      110,
      {},
      { '200': 100, '429': 10 },
    ],
    [
      'sort | uniq -c, comma list',
      loop('', 'sort | uniq -c') + '\n# Expected: 100 200, 10 429',
      110,
      {},
      { '200': 100, '429': 10 },
    ],
    ['seq loop', loop('', 'grep 429 | wc -l', '$(seq 1 20)') + '\n# Expected: 10', 20, {}, { '429': 10 }],
    ['seq loop with one bound', loop('', 'grep 429 | wc -l', '`seq 30`') + '\n# Expected: 10', 30, {}, { '429': 10 }],
    ['offset brace range', loop('', 'grep 429 | wc -l', '{101..110}') + '\n# Expected: 0', 10, {}, { '429': 0 }],
  ])('%s', (_name, block, count, headers, counts) => {
    const c = one(block);
    expect(c.kind).toBe('burst');
    expect(c).toMatchObject({ count, headers, expect: { counts } });
  });

  it('does not invent the count of the other status code', () => {
    const c = one(loop('', 'grep 429 | wc -l') + '\n# Expected: 10');
    expect(c).toMatchObject({ expect: { counts: { '429': 10 } } });
    expect(Object.keys((c as { expect: { counts: object } }).expect.counts)).toEqual(['429']);
  });

  it.each([
    [
      'seq 1 110 | xargs -I{} curl …',
      'seq 1 110 | xargs -I{} curl -s -o /dev/null -w "%{http_code}\\n" -H "x-user-id: t" http://a/ | grep 429 | wc -l\n# Expected: 10',
      110,
    ],
    [
      'seq 15 | xargs -P 4 -I @ curl …',
      'seq 15 | xargs -P 4 -I @ curl -s -o /dev/null -w "%{http_code}\\n" http://a/ | sort | uniq -c\n# Expected: 10 200, 5 429',
      15,
    ],
  ])('%s', (_name, block, count) => {
    expect(one(block)).toMatchObject({ kind: 'burst', count });
  });

  it.each([
    [
      'substituted identity',
      'seq 1 10 | xargs -I{} curl -s -o /dev/null -w "%{http_code}\\n" -H "x-user-id: u{}" http://a/ | grep 429 | wc -l\n# Expected: 0',
      /each request differs/,
    ],
    [
      'no -I',
      'seq 1 10 | xargs curl -s -o /dev/null -w "%{http_code}\\n" http://a/ | grep 429 | wc -l\n# Expected: 0',
      /without -I/,
    ],
    [
      '-I % collides with %{http_code}',
      'seq 5 | xargs -I % curl -s -o /dev/null -w "%{http_code}\\n" http://a/ | grep 429 | wc -l\n# Expected: 0',
      /each request differs/,
    ],
  ])('xargs %s → manual', (_name, block, reason) => {
    const c = one(block);
    expect(c.kind).toBe('manual');
    expect((c as { reason: string }).reason).toMatch(reason);
  });

  it('C-style for loop', () => {
    const block =
      'for ((i=0; i<50; i++)); do curl -s -o /dev/null -w "%{http_code}\\n" http://a/; done | grep 429 | wc -l\n# Expected: 0';
    expect(one(block)).toMatchObject({ kind: 'burst', count: 50 });
  });

  it('takes counts from an Output block', () => {
    const c = one(loop('', 'sort | uniq -c', '{1..15}'), '     10 200\n      5 429\n');
    expect(c).toMatchObject({ kind: 'burst', count: 15, expect: { counts: { '200': 10, '429': 5 } } });
  });

  it.each([
    ['count above the cap', loop('', 'grep 429 | wc -l', '{1..100001}') + '\n# Expected: 1', /exceeds the cap/],
    ['per-iteration identity', loop('-H "x-user-id: u$i" ', 'grep 429 | wc -l') + '\n# Expected: 10', /expansion \$i/],
    [
      'no newline in -w',
      'for i in {1..5}; do curl -s -o /dev/null -w "%{http_code}" http://a/; done | grep 429 | wc -l\n# Expected: 1',
      /one status per line/,
    ],
    ['counts exceed requests', loop('', 'grep 429 | wc -l', '{1..5}') + '\n# Expected: 10', /more than the 5 requests/],
    [
      'body not discarded',
      'for i in {1..5}; do curl -s -w "%{http_code}\\n" http://a/; done | grep 200 | wc -l\n# Expected: 5',
      /discard the body/,
    ],
    ['no expectation', loop('', 'grep 429 | wc -l'), /no expected count/],
    ['unparsed expectation', loop('', 'sort | uniq -c') + '\n# Expected: mostly 200s', /COUNT CODE/],
    ['grep without wc', loop('', 'grep 429') + '\n# Expected: 10', /wc -l/],
    [
      'two commands in the body',
      'for i in {1..5}; do curl -s -o /dev/null -w "%{http_code}\\n" http://a/; curl http://b/; done | grep 200 | wc -l\n# Expected: 5',
      /single curl/,
    ],
    ['never closed', 'for i in {1..5}; do\n  curl -s http://a/\n', /never closed|no "done"/],
  ])('%s → manual', (_name, block, reason) => {
    const c = one(block);
    expect(c.kind).toBe('manual');
    expect((c as { reason: string }).reason).toMatch(reason);
  });

  it('allows a sleep in the loop body', () => {
    const block =
      'for i in {1..5}; do curl -s -o /dev/null -w "%{http_code}\\n" http://a/; sleep 0.1; done | grep 200 | wc -l\n# Expected: 5';
    expect(one(block)).toMatchObject({ kind: 'burst', count: 5 });
  });
});

describe('json checks', () => {
  it.each([
    ['quoted string', 'curl -s http://localhost:8080/api/v1/tasks | jq .version\n# Expected: "v1"', '.version', 'v1'],
    ['number', "curl -s http://a/ | jq '.data.count'\n# Expected: 50", '.data.count', 50],
    ['boolean', 'curl -s http://a/ | jq .ok\n# Expected: true', '.ok', true],
    ['null', 'curl -s http://a/ | jq .err\n# Expected: null', '.err', null],
    ['index path', 'curl -s http://a/ | jq ".items[0].id"\n# Expected: "t-1" (first task)', '.items[0].id', 't-1'],
    ['-r keeps the text', 'curl -s http://a/ | jq -r .version\n# Expected: v1', '.version', 'v1'],
    ['-r keeps numbers as text', 'curl -s http://a/ | jq -r .count\n# Expected: 50', '.count', '50'],
    ['-r strips quotes the author wrote', 'curl -s http://a/ | jq -r .version\n# Expected: "v2"', '.version', 'v2'],
    ['unquoted word without -r', 'curl -s http://a/ | jq .version\n# Expected: v1', '.version', 'v1'],
  ])('%s', (_name, block, field, value) => {
    const c = one(block);
    expect(c).toMatchObject({ kind: 'json', field, expect: { value } });
  });

  it('carries headers and -k', () => {
    expect(one('curl -sk -H "x-user-id: a" https://h:8443/v | jq .v\n# Expected: 1')).toMatchObject({
      kind: 'json',
      insecure: true,
      headers: { 'x-user-id': 'a' },
      url: 'https://h:8443/v',
    });
  });

  it.each([
    ['jq program', 'curl -s http://a/ | jq ".items | length"\n# Expected: 3', /not a plain field path/],
    ['object expected', 'curl -s http://a/ | jq .meta\n# Expected: {"a": 1}', /JSON scalar/],
    ['-w mixes output', 'curl -s -w "%{http_code}" http://a/ | jq .v\n# Expected: 1', /mixed/],
    ['unknown jq flag', 'curl -s http://a/ | jq -e .v\n# Expected: 1', /jq option -e/],
  ])('%s → manual', (_name, block, reason) => {
    const c = one(block);
    expect(c).toMatchObject({ kind: 'manual' });
    expect((c as { reason: string }).reason).toMatch(reason);
  });
});

describe('resource checks', () => {
  it.each([
    [
      'columns',
      'kubectl get scaledobject task-api-scaler -n task-api\n# Expected: READY=True, MIN=1, MAX=10',
      {
        resource: { kind: 'scaledobject', name: 'task-api-scaler', namespace: 'task-api' },
        expect: { columns: { READY: 'True', MIN: '1', MAX: '10' } },
      },
    ],
    [
      'short name and KIND/NAME',
      'kubectl -n task-api get so/task-api-scaler\n# Expected: READY: True',
      {
        resource: { kind: 'scaledobject', name: 'task-api-scaler', namespace: 'task-api' },
        expect: { columns: { READY: 'True' } },
      },
    ],
    [
      'gw alias, --namespace=',
      'kubectl get gw task-api-gateway --namespace=task-api\n# Expected: PROGRAMMED=True',
      {
        resource: { kind: 'gateway', name: 'task-api-gateway', namespace: 'task-api' },
        expect: { columns: { PROGRAMMED: 'True' } },
      },
    ],
    [
      '-o=yaml and -n=ns forms',
      'kubectl get btp p -n=ns -o=yaml | grep maxConnections\n# Expected: maxConnections: 5',
      {
        resource: { kind: 'backendtrafficpolicy', name: 'p', namespace: 'ns' },
        expect: { fields: [{ field: 'maxConnections', value: '5' }] },
      },
    ],
    [
      'existence only',
      'kubectl get httproutes.gateway.networking.k8s.io task-api-route -n task-api',
      { resource: { kind: 'httproute', name: 'task-api-route' }, expect: {} },
    ],
    [
      'yaml field',
      'kubectl get backendtrafficpolicy task-api-protection -n task-api -o yaml | grep maxConnections\n# Expected: maxConnections: 50',
      {
        resource: { kind: 'backendtrafficpolicy', name: 'task-api-protection' },
        expect: { fields: [{ field: 'maxConnections', value: '50' }] },
      },
    ],
    [
      'btp alias, bare expected value',
      'kubectl get btp task-api-protection -n task-api -o yaml | grep maxPendingRequests\n# Expected: 5',
      { resource: { kind: 'backendtrafficpolicy' }, expect: { fields: [{ field: 'maxPendingRequests', value: '5' }] } },
    ],
  ])('%s', (_name, block, want) => {
    const c = one(block);
    expect(c.kind).toBe('resource');
    expect(c).toMatchObject(want);
  });

  it('grep -A3 with an Output block gives every scalar field', () => {
    const c = one(
      'kubectl get backendtrafficpolicy task-api-protection -n task-api -o yaml | grep -A3 circuitBreaker',
      '  circuitBreaker:\n    maxConnections: 50\n    maxParallelRequests: 25\n    maxPendingRequests: 5\n',
    );
    expect(c).toMatchObject({
      kind: 'resource',
      expect: {
        fields: [
          { field: 'maxConnections', value: '50' },
          { field: 'maxParallelRequests', value: '25' },
          { field: 'maxPendingRequests', value: '5' },
        ],
      },
    });
  });

  it('a kubectl get table in an Output block gives columns (without NAME and AGE)', () => {
    const c = one(
      'kubectl get scaledobject task-api-scaler -n task-api',
      'NAME              MIN   MAX   READY   AGE\ntask-api-scaler   1     10    True    5m\n',
    );
    expect(c).toMatchObject({ kind: 'resource', expect: { columns: { MIN: '1', MAX: '10', READY: 'True' } } });
  });

  it.each([
    ['list without a name', 'kubectl get pods -n task-api\n# Expected: 3 pods', /one KIND and one NAME/],
    ['jsonpath', "kubectl get so x -n y -o jsonpath='{.spec.minReplicaCount}'\n# Expected: 1", /jsonpath/],
    ['grep without -o yaml', 'kubectl get so x -n y | grep True\n# Expected: True', /needs -o yaml/],
    ['unparsed columns', 'kubectl get so x -n y\n# Expected: looks healthy', /COLUMN=value/],
    ['all namespaces', 'kubectl get so -A', /-A/],
  ])('%s → manual', (_name, block, reason) => {
    const c = one(block);
    expect(c).toMatchObject({ kind: 'manual' });
    expect((c as { reason: string }).reason).toMatch(reason);
  });
});

describe('dry-run checks', () => {
  it.each([
    [
      'client',
      'kubectl apply --dry-run=client -f generated-config.yaml\n# Expected: All resources created (dry run)',
      'client',
      ['generated-config.yaml'],
    ],
    [
      'server, two files',
      'kubectl apply --dry-run=server -f a.yaml --filename=b.yaml -n task-api',
      'server',
      ['a.yaml', 'b.yaml'],
    ],
    ['bare --dry-run', 'kubectl apply --dry-run -f out/', 'client', ['out/']],
  ])('%s', (_name, block, mode, files) => {
    expect(one(block)).toMatchObject({ kind: 'dry-run', mode, files });
  });

  it.each([
    ['no dry run', 'kubectl apply -f x.yaml', /change the cluster/],
    [
      'stdin pipeline',
      'kubectl create namespace task-api --dry-run=client -o yaml | kubectl apply -f -',
      /"kubectl create"/,
    ],
    ['dry-run none', 'kubectl apply --dry-run=none -f x.yaml', /not a dry run/],
  ])('%s → manual', (_name, block, reason) => {
    const c = one(block);
    expect(c).toMatchObject({ kind: 'manual' });
    expect((c as { reason: string }).reason).toMatch(reason);
  });
});

describe('manual checks and hostile input', () => {
  it.each([
    ['unknown program', 'ls -la .claude/skills/traffic-engineer/\n# Expected: SKILL.md', /"ls"/],
    [
      'command substitution',
      'curl -s -o /dev/null -w "%{http_code}" "http://$(hostname):8080/"\n# Expected: 200',
      /expansion \$\(hostname\)/,
    ],
    ['backticks', 'curl -s -o /dev/null -w "%{http_code}" http://`whoami`/\n# Expected: 200', /expansion `whoami`/],
    ['variable', 'curl -s -o /dev/null -w "%{http_code}" "$URL"\n# Expected: 200', /expansion \$URL/],
    ['unterminated double quote', 'curl -s -o /dev/null -w "%{http_code} http://a/\n# Expected: 200', /unterminated/],
    ['unterminated single quote', "curl -H 'x-user-id: a http://a/", /unterminated/],
    ['chained with &&', 'cd /tmp && kubectl apply --dry-run=client -f x.yaml', /operator "&&"/],
    ['redirect to a file', 'curl -s http://a/ > out.json', /operator ">"/],
    [
      'unsupported curl option',
      'curl -s -d @body.json -o /dev/null -w "%{http_code}" http://a/\n# Expected: 201',
      /option -d/,
    ],
    ['not an http URL', 'curl -s -o /dev/null -w "%{http_code}" file:///etc/passwd\n# Expected: 200', /not an http/],
    ['no expectation', 'curl -s -o /dev/null -w "%{http_code}" http://a/', /no expected status/],
    ['status out of range', 'curl -s -o /dev/null -w "%{http_code}" http://a/\n# Expected: 999', /not an HTTP status/],
    ['body not status', 'curl -s http://a/\n# Expected: 200', /body/],
    ['head -1 of a body', 'curl -s http://a/ | head -1\n# Expected: 200', /not a status line/],
    ['curl -i alone', 'curl -si http://a/\n# Expected: 200', /head -1/],
    ['while loop', 'while true; do curl http://a/; done', /"while"/],
    ['eval', 'eval "rm -rf /"', /"eval"/],
  ])('%s', (_name, block, reason) => {
    const c = one(block);
    expect(c.kind).toBe('manual');
    const m = c as { command: string; reason: string };
    expect(m.reason).toMatch(reason);
    expect(block.startsWith(m.command)).toBe(true);
  });

  it('keeps the expected text on a manual check', () => {
    expect(one('ls x\n# Expected: SKILL.md')).toMatchObject({ kind: 'manual', command: 'ls x', expected: 'SKILL.md' });
  });

  it('collects a multi-line expectation', () => {
    const c = one('ls -la skills/\n\n# Expected:\n# SKILL.md   - core\n# templates/ - yaml');
    expect(c).toMatchObject({ kind: 'manual', expected: 'SKILL.md   - core\ntemplates/ - yaml' });
  });

  it('never drops a command: one check per command, in order', () => {
    const block = [
      '# a comment',
      'curl -s -o /dev/null -w "%{http_code}" http://a/',
      '# Expected: 200',
      'echo hello',
      'kubectl get so x -n y',
      '# Expected: MIN=1',
      '',
      'kubectl apply --dry-run=server -f out.yaml',
    ].join('\n');
    expect(parseValidationCommands(block).map((c) => c.kind)).toEqual(['http', 'manual', 'resource', 'dry-run']);
  });

  it('handles a very long line quickly and keeps it manual', () => {
    const long = `curl -s -o /dev/null -w "%{http_code}" http://a/${'x'.repeat(1_000_000)}\n# Expected: 200`;
    const t0 = performance.now();
    const c = one(long);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(c).toMatchObject({ kind: 'manual' });
    expect((c as { reason: string }).reason).toMatch(/longer than/);
  });

  it('a block of many unterminated quotes stays linear-ish and bounded', () => {
    const block = Array.from({ length: 2000 }, () => 'curl "http://a/').join('\n');
    const t0 = performance.now();
    const checks = parseValidationCommands(block);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((c) => c.kind === 'manual')).toBe(true);
  });

  it('stays fast on a 4 MB block with an opening quote every 200 lines', () => {
    const chunk = ['curl "http://a/', ...Array.from({ length: 199 }, () => 'x'.repeat(100))].join('\n');
    const block = Array.from({ length: 200 }, () => chunk).join('\n');
    expect(block.length).toBeGreaterThan(4_000_000);
    const t0 = performance.now();
    const checks = parseValidationCommands(block);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(checks.every((c) => c.kind === 'manual')).toBe(true);
  });

  it('an empty block or comments only give no checks', () => {
    expect(parseValidationCommands('')).toEqual([]);
    expect(parseValidationCommands('# just a note\n# Expected: 200\n')).toEqual([]);
  });
});
