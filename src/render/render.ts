import { parseAllDocuments } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { isManifest, type Manifest } from '../model/manifest.js';
import type { TrafficPlan } from '../spec/plan/types.js';
import { templateEnv } from './env.js';
import { sortForApply } from './order.js';
import { selfSignedCertificate, type TlsMaterialProvider } from './tls.js';

export interface RenderOptions {
  /** Directory whose `<name>.yaml.njk` files override the built-in templates. */
  templatesDir?: string;
  /** Certificate source for self-signed TLS (tests inject a fixed one). */
  tlsMaterial?: TlsMaterialProvider;
  now?: Date;
}

export interface RenderResult {
  manifests: Manifest[];
  diagnostics: Diagnostic[];
}

interface Job {
  template: string;
  context: Record<string, unknown>;
}

function jobs(plan: TrafficPlan, tls?: { cert: string; key: string; notAfter: string }): Job[] {
  const base = { namespace: plan.namespace, app: plan.app };
  const out: Job[] = [];
  if (plan.createNamespace) out.push({ template: 'namespace', context: base });
  if (plan.tls?.mode === 'self-signed' && tls)
    out.push({ template: 'tls-secret', context: { ...base, tls: plan.tls, ...tls } });
  if (plan.tls?.selfSignedIssuer) out.push({ template: 'issuer', context: { ...base, tls: plan.tls } });
  if (plan.tls?.mode === 'cert-manager') out.push({ template: 'certificate', context: { ...base, tls: plan.tls } });
  out.push({ template: 'gateway', context: { ...base, gateway: plan.gateway } });
  for (const route of plan.routes) out.push({ template: 'httproute', context: { ...base, route } });
  if (plan.policy) out.push({ template: 'backendtrafficpolicy', context: { ...base, policy: plan.policy } });
  if (plan.autoscaling)
    out.push({
      template: plan.autoscaling.engine === 'keda' ? 'scaledobject' : 'hpa',
      context: { ...base, autoscaling: plan.autoscaling },
    });
  return out;
}

/**
 * Plan → manifests: each template renders YAML text, which is parsed back into objects
 * (so a template can never emit something that is not a Kubernetes object) and sorted for apply.
 */
export async function renderPlan(plan: TrafficPlan, opts: RenderOptions = {}): Promise<RenderResult> {
  const diagnostics: Diagnostic[] = [];
  const env = await templateEnv(opts.templatesDir);
  let tls: { cert: string; key: string; notAfter: string } | undefined;
  if (plan.tls?.mode === 'self-signed') {
    const provider = opts.tlsMaterial ?? selfSignedCertificate;
    const m = await provider({
      commonName: plan.tls.dnsNames[0] ?? plan.tls.ipAddresses[0] ?? plan.app,
      dnsNames: plan.tls.dnsNames,
      ipAddresses: plan.tls.ipAddresses,
      validityDays: plan.tls.validityDays,
      now: opts.now ?? new Date(),
    });
    tls = { cert: m.certPem, key: m.keyPem, notAfter: m.notAfter.toISOString() };
  }
  const manifests: Manifest[] = [];
  for (const job of jobs(plan, tls)) {
    const file = `${job.template}.yaml.njk`;
    let text: string;
    try {
      text = env.render(file, job.context);
    } catch (err) {
      diagnostics.push({
        code: 'render/template-error',
        severity: 'error',
        file,
        message: `template ${file} failed: ${(err as Error).message.split('\n').slice(0, 3).join(' ')}`,
        hint: opts.templatesDir ? `check your override in ${opts.templatesDir}` : undefined,
      });
      continue;
    }
    for (const doc of parseAllDocuments(text) as ReturnType<typeof parseAllDocuments> & unknown[]) {
      if (doc.errors.length) {
        diagnostics.push({
          code: 'render/invalid-yaml',
          severity: 'error',
          file,
          message: `template ${file} produced invalid YAML: ${doc.errors[0].message.split('\n')[0]}`,
        });
        continue;
      }
      const obj = doc.toJS();
      if (obj === null || obj === undefined) continue;
      if (!isManifest(obj)) {
        diagnostics.push({
          code: 'render/not-an-object',
          severity: 'error',
          file,
          message: `template ${file} produced a document that is not a Kubernetes object`,
        });
        continue;
      }
      manifests.push(obj);
    }
  }
  return { manifests: sortForApply(manifests), diagnostics };
}
