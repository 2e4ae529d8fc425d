import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { type ClusterClient, connect } from '../../src/cluster/client.js';
import { parseManifestStream } from '../../src/model/load-yaml.js';
import type { SourceDoc } from '../../src/model/manifest.js';
import { FakeApiServer } from '../helpers/fake-apiserver.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'cluster');

export function fixtureDocs(name: string): SourceDoc[] {
  const file = join(FIXTURES, name);
  const { docs, diagnostics } = parseManifestStream(readFileSync(file, 'utf8'), file);
  if (diagnostics.length) throw new Error(JSON.stringify(diagnostics));
  return docs;
}

export function fixtureObjects(name: string): Record<string, any>[] {
  return parseAllDocuments(readFileSync(join(FIXTURES, name), 'utf8')).map((d) => d.toJS());
}

export interface Env {
  fake: FakeApiServer;
  client: ClusterClient;
  kubeconfig: string;
}

/** A fake API server with the fixture CRDs installed and a client connected to it through a temp kubeconfig. */
export async function startEnv(opts: { crds?: boolean } = {}): Promise<Env> {
  const fake = await new FakeApiServer().start();
  if (opts.crds !== false) for (const crd of fixtureObjects('crds.yaml')) fake.add(crd);
  const kubeconfig = fake.writeKubeconfig();
  const client = await connect({ kubeconfig, requestTimeoutMs: 5000 });
  return { fake, client, kubeconfig };
}
