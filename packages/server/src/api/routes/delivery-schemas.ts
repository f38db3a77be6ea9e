/**
 * Response shapes of the delivery log (`/v1/deliveries`, `/v1/webhooks/{key}/deliveries`,
 * `/v1/events/{id}`): a delivery summary, an attempt, and a delivery with its attempts, as
 * `deliveries-present.ts` renders them. Imports nothing but zod, so the dashboard and the CLI read
 * it through `api/contract.ts`.
 */
import { z } from 'zod';
import { dataOf, pageOf } from './common-schemas.js';

const time = z.string().describe('ISO 8601, microseconds, UTC.');
const nullableTime = time.nullable();

/** A delivery as lists show it: everything but the body and the attempts. */
export const deliverySummarySchema = z
  .object({
    id: z.string(),
    event_id: z.string(),
    event: z.string().describe('The event type.'),
    webhook_key: z.string().describe('The webhook it was sent to (kept after a deletion).'),
    url: z.string().describe('The destination, as it was when the event was dispatched.'),
    status: z
      .enum(['pending', 'succeeded', 'failed', 'cancelled'])
      .describe('`pending`, `succeeded`, `failed` or `cancelled`.'),
    attempts: z.number().int().describe('Attempts made so far.'),
    next_attempt_at: nullableTime,
    last_status_code: z.number().int().nullable(),
    last_error: z.string().nullable(),
    last_attempt_at: nullableTime,
    cancel_reason: z.string().nullable(),
    created_at: time,
    updated_at: time,
    completed_at: nullableTime,
  })
  .describe('A delivery: one event going to one webhook.');

/** A delivery as lists show it. */
export type DeliverySummary = z.infer<typeof deliverySummarySchema>;

/** One HTTP exchange of a delivery: what was sent, what came back, and why it failed. */
export const attemptSchema = z
  .object({
    id: z.string(),
    delivery_id: z.string(),
    number: z.number().int().describe('1 for the first attempt.'),
    trigger: z.enum(['scheduled', 'manual', 'test']).describe('`scheduled`, `manual` or `test`.'),
    started_at: time,
    duration_ms: z.number(),
    succeeded: z.boolean(),
    request_headers: z.record(z.string(), z.string()),
    response_status: z.number().int().nullable(),
    response_headers: z.record(z.string(), z.string()).nullable(),
    response_body: z.string().nullable().describe('The first 16 KiB of the answer.'),
    error_class: z.string().nullable(),
    error_message: z.string().nullable(),
  })
  .describe('An attempt of a delivery.');

/** An attempt of a delivery. */
export type Attempt = z.infer<typeof attemptSchema>;

/** A delivery with its exact request body and every attempt, oldest first. */
export const deliveryDetailSchema = deliverySummarySchema
  .extend({
    body: z.string().describe('The envelope, byte for byte as every attempt sent it.'),
    attempt_log: z.array(attemptSchema),
  })
  .describe('A delivery with its body and attempts.');

/** `GET /v1/deliveries/{id}`. */
export type DeliveryDetail = z.infer<typeof deliveryDetailSchema>;

/** `GET /v1/deliveries`, `GET /v1/webhooks/{key}/deliveries`. */
export const deliveryPage = pageOf(deliverySummarySchema);

/** `GET /v1/deliveries/{id}`. */
export const deliveryDetailData = dataOf(deliveryDetailSchema);

/** `POST /v1/deliveries/{id}/retry`: the delivery after one attempt made now, and that attempt. */
export const retryResultData = dataOf(
  z.object({ delivery: deliverySummarySchema, attempt: attemptSchema }),
);

/** `POST /v1/deliveries/{id}/retry`. */
export type RetryResult = z.infer<typeof retryResultData>['data'];

/** `POST /v1/webhooks/{key}/test`: the test event, its one delivery and that attempt. */
export const testSendResultData = dataOf(
  z.object({ event_id: z.string(), delivery: deliverySummarySchema, attempt: attemptSchema }),
);

/** `POST /v1/webhooks/{key}/test`. */
export type TestSendResult = z.infer<typeof testSendResultData>['data'];

/** `POST /v1/deliveries/retry` (202): how many deliveries were queued for another attempt. */
export const bulkRetryData = dataOf(z.object({ queued: z.number().int() }));

/** `POST /v1/deliveries/retry`. */
export type BulkRetryResult = z.infer<typeof bulkRetryData>['data'];

/** Response schemas of the delivery log routes, by route. */
export const deliveryResponses = {
  list: { 200: deliveryPage },
  show: { 200: deliveryDetailData },
  retry: { 200: retryResultData },
  bulkRetry: { 202: bulkRetryData },
} as const;
