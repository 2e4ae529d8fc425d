import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { CheckInput } from '../../src/core/check.js';
import { ClusterTarget } from '../../src/core/cluster-api.js';
import { GenerateInput } from '../../src/core/generate.js';
import { SimulateInput, UrlRequest } from '../../src/core/simulate.js';
import { ValidateInput } from '../../src/core/validate.js';
import { VerifyInput } from '../../src/core/verify.js';
import * as I from '../../src/mcp/inputs.js';
import { tools } from '../../src/mcp/tools/index.js';

// The schema of a field without its description (descriptions are worded per tool).
const shapeOf = (s: z.ZodType) => {
  const { description: _d, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
};

describe('src/mcp/inputs.ts mirrors core', () => {
  it.each([
    ['GenerateInput.specPath', I.SpecPathArg, GenerateInput.shape.specPath],
    ['CheckInput.specPath', I.SpecPathArg, CheckInput.shape.specPath],
    ['CheckInput.configPaths', I.ConfigPathsArg, CheckInput.shape.configPaths],
    ['ValidateInput.paths', I.PathsArg, ValidateInput.shape.paths],
    ['ValidateInput.yaml', I.YamlArg, ValidateInput.shape.yaml],
    ['ValidateInput.crds', I.CrdsArg, ValidateInput.shape.crds],
    ['ValidateInput.disable', I.DisableArg, ValidateInput.shape.disable],
    ['ClusterTarget.kubeconfig', I.KubeconfigArg, ClusterTarget.shape.kubeconfig],
    ['ClusterTarget.context', I.ContextArg, ClusterTarget.shape.context],
    ['SimulateInput.specPath', I.SpecPathArg, SimulateInput.shape.specPath],
    ['SimulateInput.configPaths', I.ConfigPathsListArg, SimulateInput.shape.configPaths],
    ['UrlRequest', I.UrlRequestArg, UrlRequest],
    ['VerifyInput.origin', I.OriginArg, VerifyInput.shape.origin],
    ['VerifyInput.portForward', I.PortForwardArg, VerifyInput.shape.portForward],
    ['VerifyInput.kubeconfig', I.KubeconfigArg, VerifyInput.shape.kubeconfig],
    ['VerifyInput.context', I.ContextArg, VerifyInput.shape.context],
  ])('%s', (_name, ours, theirs) => {
    expect(shapeOf(ours as z.ZodType)).toEqual(shapeOf(theirs as z.ZodType));
  });
});

describe('tool modules', () => {
  const dir = 'src/mcp/tools';
  const files = readdirSync(dir).filter((f) => f !== 'index.ts');

  it('one file per tool, named after it', () => {
    expect(files.map((f) => f.replace(/\.ts$/, '').replace(/-/g, '_')).sort()).toEqual(tools.map((t) => t.name).sort());
  });

  it('import nothing heavy at top level (core, render, validate, cluster, criteria, nunjucks, yaml, client-node: only lazily)', () => {
    const heavy =
      /^(\.\.\/)+(core\/(api|generate|validate|check|cluster-api)\.js|(render|validate|cluster|criteria|probe)\/)|^(nunjucks|yaml|ajv|@kubernetes\/client-node|@peculiar\/x509)$/;
    const offenders: string[] = [];
    for (const f of [
      ...files.map((x) => join(dir, x)),
      ...readdirSync('src/mcp')
        .filter((x) => x.endsWith('.ts'))
        .map((x) => join('src/mcp', x)),
    ]) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gm))
        if (heavy.test(m[1])) offenders.push(`${f}: ${m[1]}`);
    }
    expect(offenders).toEqual([]);
  });
});
