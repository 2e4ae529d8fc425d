import { describe, expect, it } from 'vitest';
import { formatVerifyText, type VerifyReport } from '../../../src/criteria/live/index.js';

describe('formatVerifyText', () => {
  it('shows evidence, the checks that did not pass, and a summary', () => {
    const report: VerifyReport = {
      criteria: [
        {
          id: 'SC-001',
          title: 'Up',
          verdict: 'passed',
          evidence: 'GET http://x/ → 200 in 1 ms',
          checks: [{ kind: 'http', verdict: 'passed', expected: {}, observed: {}, explanation: '200 as expected' }],
        },
        {
          id: 'SC-002',
          title: 'Limited',
          verdict: 'failed',
          evidence: '110× GET http://x/ as x-user-id=test → 110×200 in 40 ms',
          checks: [
            {
              kind: 'burst',
              verdict: 'failed',
              expected: {},
              observed: {},
              explanation: '0×429 observed vs 10×429 expected',
            },
          ],
        },
        {
          id: 'SC-004',
          title: '',
          verdict: 'skipped',
          evidence: 'no cluster',
          checks: [
            {
              kind: 'resource',
              verdict: 'skipped',
              expected: {},
              observed: null,
              explanation: 'no cluster: give --context',
            },
          ],
        },
      ],
      summary: { passed: 1, failed: 1, skipped: 1 },
      order: [],
    };
    expect(formatVerifyText(report)).toBe(
      [
        'PASS  SC-001 Up',
        '      GET http://x/ → 200 in 1 ms',
        'FAIL  SC-002 Limited',
        '      110× GET http://x/ as x-user-id=test → 110×200 in 40 ms',
        '      ✗ burst: 0×429 observed vs 10×429 expected',
        'SKIP  SC-004',
        '      – resource: no cluster: give --context',
        '',
        '1 passed, 1 failed, 1 skipped',
        '',
      ].join('\n'),
    );
  });
});
