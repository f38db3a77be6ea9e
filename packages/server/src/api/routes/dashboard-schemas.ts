/**
 * Response schemas of the dashboard's own endpoints: the sign-in session (`/auth/session`) and
 * the aggregates under `/v1/stats`. Imports nothing but zod, so the dashboard reads it through
 * `api/contract.ts`.
 */
import { z } from 'zod';
import { dataOf } from './common-schemas.js';

/** `POST|GET /auth/session`: the signed-in program and the CSRF token of the session. */
export const sessionSchema = z
  .object({
    program: z.object({ id: z.string(), name: z.string() }),
    csrf_token: z
      .string()
      .describe('Send it as `x-csrf-token` on every state-changing `/v1` request.'),
    expires_at: z.string().describe('When the session ends (absolute, not sliding).'),
  })
  .describe('A dashboard session.');

/** A dashboard session as `/auth/session` returns it. */
export type SessionInfo = z.infer<typeof sessionSchema>;

/** Health of an endpoint (see docs/delivery.md, "Endpoint health"). */
export const endpointHealthSchema = z.enum(['healthy', 'degraded', 'failing', 'idle', 'disabled']);

/** One webhook's health and activity over the last 24 hours. */
export const webhookStatsSchema = z.object({
  webhook_key: z.string(),
  health: endpointHealthSchema,
  consecutive_failures: z.number().int(),
  attempts_24h: z.number().int(),
  succeeded_24h: z.number().int(),
  failed_24h: z.number().int(),
  success_rate_24h: z.number().nullable().describe('0..1; null without attempts.'),
  last_delivery: z
    .object({
      id: z.string(),
      status: z.string(),
      event: z.string(),
      last_status_code: z.number().int().nullable(),
      created_at: z.string(),
      last_attempt_at: z.string().nullable(),
    })
    .nullable(),
});

/** `GET /v1/stats/webhooks`, per webhook. */
export type WebhookStats = z.infer<typeof webhookStatsSchema>;

/** `GET /v1/stats/webhooks`. */
export const webhookStatsList = dataOf(
  z.array(webhookStatsSchema).describe('Health and activity of each webhook over 24 hours.'),
);

const outcomeCounts = {
  succeeded: z.number().int(),
  retrying: z.number().int(),
  failed: z.number().int(),
  cancelled: z.number().int(),
};

/** Deliveries per hour by outcome, and latency percentiles per webhook. */
export const overviewSchema = z
  .object({
    range: z.enum(['24h', '7d']),
    bucket_ms: z.number().int(),
    since: z.string(),
    totals: z.object(outcomeCounts),
    hours: z.array(z.object({ start: z.string(), ...outcomeCounts })),
    latency: z.array(
      z.object({
        webhook_key: z.string(),
        name: z.string(),
        attempts: z.number().int(),
        p50_ms: z.number().nullable(),
        p90_ms: z.number().nullable(),
        p99_ms: z.number().nullable(),
      }),
    ),
  })
  .describe('Deliveries per hour by outcome, and latency percentiles per webhook.');

/** `GET /v1/stats/overview`. */
export type Overview = z.infer<typeof overviewSchema>;

/** `GET /v1/stats/overview`. */
export const overviewData = dataOf(overviewSchema);
