import * as z from 'zod';
import { Label, Subdomain } from './names.js';

export const PrometheusTrigger = z
  .object({
    type: z.literal('prometheus'),
    name: Label.optional(),
    serverAddress: z
      .string()
      .url()
      .describe('Prometheus base URL, e.g. http://prometheus.monitoring.svc.cluster.local:9090'),
    query: z
      .string()
      .min(1)
      .max(4096)
      .optional()
      .describe("PromQL. Default: request rate of the generated HTTPRoute from Envoy's own metrics."),
    threshold: z
      .number()
      .positive()
      .describe('Target value per replica (AverageValue): desired = ceil(value / threshold).'),
    activationThreshold: z.number().min(0).optional(),
    ignoreNullValues: z
      .boolean()
      .default(false)
      .describe('false: an empty result is an error (fallback applies) rather than a silent 0.'),
  })
  .strict();

export const ResourceTrigger = z
  .object({
    type: z.enum(['cpu', 'memory']),
    name: Label.optional(),
    utilization: z.number().int().min(1).max(1000).describe('Target average utilization, percent of requests.'),
  })
  .strict();

export const CronTrigger = z
  .object({
    type: z.literal('cron'),
    name: Label.optional(),
    timezone: z.string().min(1).describe('IANA time zone, e.g. Europe/Berlin'),
    start: z.string().min(1).describe('Cron expression, e.g. 0 8 * * 1-5'),
    end: z.string().min(1),
    desiredReplicas: z.number().int().min(1),
  })
  .strict();

export const Trigger = z.discriminatedUnion('type', [PrometheusTrigger, ResourceTrigger, CronTrigger]);

const ScalingRules = z
  .object({
    stabilizationWindowSeconds: z.number().int().min(0).max(3600).optional(),
    selectPolicy: z.enum(['Max', 'Min', 'Disabled']).optional(),
    policies: z
      .array(
        z
          .object({
            type: z.enum(['Pods', 'Percent']),
            value: z.number().int().min(1),
            periodSeconds: z.number().int().min(1).max(1800),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

export const Autoscaling = z
  .object({
    engine: z
      .enum(['keda', 'hpa'])
      .default('keda')
      .describe('keda: a KEDA ScaledObject; hpa: a plain autoscaling/v2 HPA (cpu/memory only).'),
    name: Label.optional().describe('ScaledObject / HPA name. Default: <app>-scaler.'),
    target: z
      .object({
        kind: z.enum(['Deployment', 'StatefulSet']).default('Deployment'),
        name: Subdomain.optional().describe('Default: the app name.'),
      })
      .strict()
      .default({ kind: 'Deployment' }),
    minReplicas: z.number().int().min(0).default(1).describe('Default 1 (0 enables scale to zero, KEDA only).'),
    maxReplicas: z.number().int().min(1).default(10),
    pollingInterval: z.number().int().min(1).optional().describe('KEDA only; only matters when minReplicas is 0.'),
    cooldownPeriod: z.number().int().min(0).optional().describe('KEDA only; only matters when minReplicas is 0.'),
    fallback: z
      .object({ failureThreshold: z.number().int().min(1), replicas: z.number().int().min(0) })
      .strict()
      .optional()
      .describe('KEDA only: replicas to hold when the scaler fails failureThreshold times in a row.'),
    behavior: z.object({ scaleUp: ScalingRules.optional(), scaleDown: ScalingRules.optional() }).strict().optional(),
    triggers: z.array(Trigger).min(1).max(16),
  })
  .strict()
  .refine((a) => a.minReplicas <= a.maxReplicas, {
    message: 'minReplicas must be less than or equal to maxReplicas',
    path: ['minReplicas'],
  })
  .refine((a) => a.engine === 'keda' || a.triggers.every((t) => t.type === 'cpu' || t.type === 'memory'), {
    message: 'a plain HPA supports only cpu and memory triggers; use engine: keda for prometheus or cron',
    path: ['triggers'],
  })
  .refine((a) => a.engine === 'keda' || a.minReplicas >= 1, {
    message: 'a plain HPA cannot scale to zero; set minReplicas ≥ 1 or use engine: keda',
    path: ['minReplicas'],
  });

export type TriggerSpec = z.infer<typeof Trigger>;
export type AutoscalingSpec = z.infer<typeof Autoscaling>;
