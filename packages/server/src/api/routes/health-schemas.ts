/**
 * Response schemas of the operations endpoints outside `/v1`: `/healthz`, `/readyz`, `/metrics`
 * (`/openapi.json` is hidden: it is the document). Imports nothing but zod, so the contract can re-export its types.
 */
import { z } from 'zod';

/** `GET /healthz`: the process answers. */
export const healthSchema = z.object({ status: z.literal('ok') }).describe('The process is up.');

/** `GET /readyz` when the database answers. */
export const readySchema = z
  .object({
    status: z.literal('ready'),
    database: z.enum(['sqlite', 'postgres']).describe('The storage engine in use.'),
  })
  .describe('The process and its database answer.');

/** `GET /readyz` when the database does not answer (503). */
export const unavailableSchema = z
  .object({ status: z.literal('unavailable'), message: z.string() })
  .describe('The database does not answer.');

/** The answers of `GET /readyz`. */
export type Readiness = z.infer<typeof readySchema> | z.infer<typeof unavailableSchema>;

/** `GET /metrics`: Prometheus text exposition (format 0.0.4). */
export const metricsResponse = {
  description: 'Prometheus text exposition of this process’s metrics.',
  content: { 'text/plain': { schema: z.string() } },
} as const;
