import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  addCrdObjects,
  addCrdsFromText,
  CrdSet,
  defaultCrdCacheDir,
  loadCrdCache,
  loadCrds,
} from '../../../src/validate/crds/index.js';

const FIX = join(import.meta.dirname, '..', '..', 'fixtures', 'validate-schema');
const tmp = mkdtempSync(join(tmpdir(), 'te-crds-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('CrdSet and loaders', () => {
  it('indexes served versions by group/version/kind and skips non-CRD documents', () => {
    const set = new CrdSet();
    const n = addCrdsFromText(set, readFileSync(join(FIX, 'widget-crd.yaml'), 'utf8'), 'w.yaml');
    expect(n).toBe(1);
    expect(set.versionsOf('example.test', 'Widget')).toEqual(['v1', 'v1beta1']);
    expect(set.get('example.test', 'v1', 'Widget')).toMatchObject({
      plural: 'widgets',
      storage: true,
      statusSubresource: true,
    });
    expect(set.get('example.test', 'v1alpha1', 'Widget')).toBeUndefined(); // not served
    expect(set.hasKind('example.test', 'Widget')).toBe(true);
    expect(set.hasKind('', 'ConfigMap')).toBe(false);
    expect(set.diagnostics).toEqual([]);
  });

  it('last definition wins and the replacement is reported as info', async () => {
    const set = await loadCrds([join(FIX, 'widget-crd.yaml'), join(FIX, 'widget-crd-v2.yaml')]);
    expect(set.versionsOf('example.test', 'Widget')).toEqual(['v2']);
    expect(set.diagnostics).toHaveLength(1);
    expect(set.diagnostics[0]).toMatchObject({ code: 'crds/replaced', severity: 'info' });
    expect(set.diagnostics[0].message).toContain('widget-crd-v2.yaml replaces the one loaded from');
    const reversed = await loadCrds([join(FIX, 'widget-crd-v2.yaml'), join(FIX, 'widget-crd.yaml')]);
    expect(reversed.versionsOf('example.test', 'Widget')).toEqual(['v1', 'v1beta1']);
  });

  it('loads directories recursively in name order', async () => {
    const set = await loadCrds([FIX]);
    // widget-crd-v2.yaml sorts before widget-crd.yaml ('-' < '.'), so v1 wins.
    expect(set.versionsOf('example.test', 'Widget')).toEqual(['v1', 'v1beta1']);
  });

  it('accepts in-memory CRD objects (as read from a cluster)', () => {
    const set = new CrdSet();
    const docs = readFileSync(join(FIX, 'widget-crd-v2.yaml'), 'utf8');
    expect(addCrdObjects(set, [parse(docs), { apiVersion: 'v1', kind: 'Namespace' }])).toBe(1);
    expect(set.get('example.test', 'v2', 'Widget')?.source).toBe('<cluster>');
  });

  it('reports unreadable paths and invalid CRDs as diagnostics', async () => {
    const set = await loadCrds([join(tmp, 'missing.yaml')]);
    expect(set.diagnostics[0]).toMatchObject({ code: 'crds/unreadable', severity: 'error' });
    const bad = new CrdSet();
    addCrdsFromText(
      bad,
      'apiVersion: apiextensions.k8s.io/v1beta1\nkind: CustomResourceDefinition\nmetadata: {name: x}\n',
      'b.yaml',
    );
    expect(bad.diagnostics[0]).toMatchObject({ code: 'crds/invalid-crd' });
  });

  it('resolves the cache directory from TE_CRD_CACHE, XDG_CACHE_HOME or ~/.cache', () => {
    expect(defaultCrdCacheDir({ TE_CRD_CACHE: '/x' })).toBe('/x');
    expect(defaultCrdCacheDir({ XDG_CACHE_HOME: '/c' })).toBe('/c/traffic-engineer/crds');
    expect(defaultCrdCacheDir({})).toMatch(/\.cache\/traffic-engineer\/crds$/);
  });

  it('loads the cache, and reports a missing cache as info', async () => {
    const missing = await loadCrdCache(join(tmp, 'nope'));
    expect(missing.size).toBe(0);
    expect(missing.diagnostics[0]).toMatchObject({ code: 'crds/no-cache', severity: 'info' });
    writeFileSync(join(tmp, 'w.yaml'), readFileSync(join(FIX, 'widget-crd.yaml')));
    const set = await loadCrdCache(tmp);
    expect(set.hasKind('example.test', 'Widget')).toBe(true);
  });
});
