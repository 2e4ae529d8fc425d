import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import { parseManifestStream } from '../../../src/model/load-yaml.js';
import {
  exitCodeFor,
  formatJson,
  formatSarif,
  formatText,
  summaryLine,
  toJsonReport,
  toSarif,
} from '../../../src/validate/report/index.js';
import { allRules, runRules } from '../../../src/validate/rules/index.js';

const YAML = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  parentRefs: [{name: eg}]
  rules:
    - backendRefs: [{name: api, port: 80}]
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: s, namespace: app}
spec:
  scaleTargetRef: {name: api}
  minReplicaCount: 5
  maxReplicaCount: 2
  triggers: [{type: cron, metadata: {timezone: UTC, start: "0 8 * * *", end: "0 9 * * *", desiredReplicas: "2"}}]
`;

const parsed = parseManifestStream(YAML, 'manifests/app.yaml');
const diags = runRules(parsed.docs);
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation?: unknown; logicalLocations?: { fullyQualifiedName: string }[] }[];
}
const input: Diagnostic = {
  code: 'input/yaml-syntax',
  severity: 'error',
  file: '<stdin>',
  line: 3,
  column: 1,
  message: 'bad',
};

describe('validation findings used by the report tests', () => {
  it('contain warnings and an error with positions', () => {
    expect(diags.map((d) => d.code)).toEqual(
      expect.arrayContaining(['ref/parent-gateway', 'ref/backend-service', 'keda/replica-bounds']),
    );
    expect(diags.every((d) => d.file === 'manifests/app.yaml' && (d.line ?? 0) > 0)).toBe(true);
  });
});

describe('formatText', () => {
  const text = formatText(diags, { docs: parsed.docs });
  it('groups by resource in document order with file:line:col, severity, code and hints', () => {
    const route = text.indexOf('HTTPRoute app/r');
    const so = text.indexOf('ScaledObject app/s');
    expect(route).toBeGreaterThanOrEqual(0);
    expect(so).toBeGreaterThan(route);
    const bounds = diags.find((d) => d.code === 'keda/replica-bounds');
    expect(text).toContain(`manifests/app.yaml:${bounds?.line}:${bounds?.column}`);
    expect(text).toMatch(/error\s+keda\/replica-bounds/);
    expect(text).toContain('hint: ');
  });
  it('ends with a summary line', () => {
    const last = text.trimEnd().split('\n').at(-1);
    expect(last).toBe(summaryLine(diags, 2));
    expect(last).toMatch(/^✖ 1 error, \d+ warnings?, \d+ infos? in 2 documents$/);
  });
  it('handles findings without a resource and an empty result', () => {
    expect(formatText([input])).toContain('(input)');
    expect(formatText([])).toBe('✔ 0 errors, 0 warnings, 0 infos\n');
  });
});

describe('formatJson', () => {
  it('has the documented shape and counts', () => {
    const report = JSON.parse(formatJson(diags));
    expect(Object.keys(report)).toEqual(['diagnostics', 'summary']);
    expect(report.summary).toEqual({
      errors: 1,
      warnings: diags.filter((d) => d.severity === 'warning').length,
      infos: diags.filter((d) => d.severity === 'info').length,
    });
    const d = report.diagnostics.find((x: { code: string }) => x.code === 'keda/replica-bounds');
    expect(d).toMatchObject({
      code: 'keda/replica-bounds',
      severity: 'error',
      resource: { apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', namespace: 'app', name: 's' },
      path: 'spec.minReplicaCount',
      line: 14,
    });
    expect(typeof d.message).toBe('string');
  });
  it('toJsonReport returns the same data', () => {
    expect(toJsonReport(diags)).toEqual(JSON.parse(formatJson(diags)));
  });
});

describe('formatSarif', () => {
  const log = JSON.parse(formatSarif([...diags, input], { toolVersion: '9.9.9' }));
  it('is a SARIF 2.1.0 log with one run', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].tool.driver).toMatchObject({ name: 'traffic-engineer', version: '9.9.9' });
  });
  it('lists every rule with id, descriptions and default level, plus codes that only appear in results', () => {
    const rules = log.runs[0].tool.driver.rules as {
      id: string;
      shortDescription: { text: string };
      defaultConfiguration: { level: string };
    }[];
    for (const r of allRules) expect(rules.map((x) => x.id)).toContain(r.id);
    expect(rules.map((x) => x.id)).toContain('input/yaml-syntax');
    for (const r of rules) {
      expect(r.shortDescription.text.length).toBeGreaterThan(0);
      expect(['error', 'warning', 'note']).toContain(r.defaultConfiguration.level);
    }
  });
  it('results carry ruleId, ruleIndex, level, message and a physical location', () => {
    const rules = log.runs[0].tool.driver.rules as { id: string }[];
    const results = log.runs[0].results as SarifResult[];
    expect(results).toHaveLength(diags.length + 1);
    for (const r of results) {
      expect(rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(['error', 'warning', 'note']).toContain(r.level);
      expect(typeof r.message.text).toBe('string');
      expect(Array.isArray(r.locations)).toBe(true);
    }
    const bounds = results.find((r) => r.ruleId === 'keda/replica-bounds');
    expect(bounds?.level).toBe('error');
    expect(bounds?.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'manifests/app.yaml' },
      region: { startLine: 14, startColumn: expect.any(Number) },
    });
    expect(bounds?.locations[0].logicalLocations?.[0].fullyQualifiedName).toBe(
      'ScaledObject/app/s#spec.minReplicaCount',
    );
    const stdin = results.find((r) => r.ruleId === 'input/yaml-syntax');
    expect(stdin?.locations).toEqual([]);
  });
  it('maps info to note', () => {
    const info: Diagnostic = { ...input, code: 'ref/scale-target', severity: 'info', file: 'a.yaml' };
    const res = (toSarif([info], { toolVersion: '1' }) as { runs: { results: SarifResult[] }[] }).runs[0].results[0];
    expect(res.level).toBe('note');
  });
});

describe('exitCodeFor', () => {
  it.each([
    [[], 0],
    [[{ ...input, severity: 'warning' }], 0],
    [[{ ...input, severity: 'info' }], 0],
    [[input], 1],
  ] as [Diagnostic[], number][])('%j → %d', (list, code) => {
    expect(exitCodeFor(list)).toBe(code);
  });
});
