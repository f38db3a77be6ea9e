/**
 * Response schemas of the webhooks API (`/v1/webhooks`): the webhook resource, Partnero's
 * fields. Imports nothing but zod, so the dashboard reads it through `api/contract.ts`.
 */
import { z } from 'zod';
import { dataOf, pageOf } from './common-schemas.js';

/** A webhook subscription as the API returns it. */
export const webhookSchema = z
  .object({
    key: z.string().describe('The id of the webhook in URLs and in every envelope.'),
    name: z.string(),
    url: z.string().describe('The destination of every delivery.'),
    is_active: z.boolean().describe('Inactive webhooks get no deliveries.'),
    signature: z
      .string()
      .describe('The signing secret: HMAC key of `Signature` and of `webhook-signature`.'),
    events: z.array(z.string()).describe('Subscribed event types; `*` is every event type.'),
    operational: z
      .boolean()
      .describe(
        "Receives the program's operational events (webhook.failing, webhook.disabled, delivery.exhausted).",
      ),
    disabled_reason: z
      .string()
      .nullable()
      .describe('Why Hookline disabled the webhook (410 Gone, failing too long); null otherwise.'),
    disabled_at: z.string().nullable(),
    failing_since: z
      .string()
      .nullable()
      .describe('Since when every attempt has failed; null while it succeeds.'),
    consecutive_failures: z
      .number()
      .int()
      .describe('Deliveries in a row that failed every attempt.'),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .describe('A webhook subscription.');

/** A webhook subscription as the API returns it. */
export type Webhook = z.infer<typeof webhookSchema>;

/** `GET /v1/webhooks`. */
export const webhookPage = pageOf(webhookSchema);

/** `GET|POST|PUT /v1/webhooks[/{key}]`. */
export const webhookData = dataOf(webhookSchema);

/** A webhook's lifecycle: whether it is on, why Hookline turned it off, how it is doing. */
export const lifecycleSchema = z.object({
  key: z.string(),
  name: z.string(),
  url: z.string(),
  is_active: z.boolean(),
  operational: z.boolean(),
  disabled_reason: z.string().nullable(),
  disabled_at: z.string().nullable(),
  failing_since: z.string().nullable(),
  consecutive_failures: z.number().int(),
});

/** `POST /v1/webhooks/{key}/enable`: the webhook's lifecycle and how many deliveries it queued. */
export const enabledWebhookResponse = dataOf(
  z.object({ webhook: lifecycleSchema, queued: z.number().int() }),
);
