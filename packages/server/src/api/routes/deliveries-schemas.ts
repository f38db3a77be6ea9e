/**
 * Response schemas of the delivery log routes (`/v1/deliveries…`, `/v1/webhooks/{key}/deliveries`).
 * Imports nothing but zod, so the dashboard's browser build can read the inferred types through
 * `@hookline/server/contract`.
 */
import { z } from 'zod';

/** `{data, status: 1}` around one value. */
export function single<T extends z.ZodType>(data: T) {
  return z.object({ data, status: z.literal(1) });
}

/** A Laravel simple-paginator page of `item`s. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    links: z.object({
      first: z.string(),
      last: z.null(),
      prev: z.string().nullable(),
      next: z.string().nullable(),
    }),
    meta: z.object({
      current_page: z.number().int(),
      from: z.number().int().nullable(),
      to: z.number().int().nullable(),
      path: z.string(),
      per_page: z.number().int(),
    }),
    status: z.literal(1),
  });
}

const timestamp = z.string();

/** A delivery as lists show it: no body, no attempts. */
export const deliverySummarySchema = z.object({
  id: z.string(),
  event_id: z.string(),
  event: z.string(),
  webhook_key: z.string(),
  url: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed', 'cancelled']),
  attempts: z.number().int(),
  next_attempt_at: timestamp.nullable(),
  last_status_code: z.number().int().nullable(),
  last_error: z.string().nullable(),
  last_attempt_at: timestamp.nullable(),
  cancel_reason: z.string().nullable(),
  created_at: timestamp,
  updated_at: timestamp,
  completed_at: timestamp.nullable(),
});

/** One attempt: what was sent (headers), what came back, and why it failed. */
export const attemptSchema = z.object({
  id: z.string(),
  delivery_id: z.string(),
  number: z.number().int(),
  trigger: z.enum(['scheduled', 'manual', 'test']),
  started_at: timestamp,
  duration_ms: z.number().int(),
  succeeded: z.boolean(),
  request_headers: z.record(z.string(), z.string()),
  response_status: z.number().int().nullable(),
  response_headers: z.record(z.string(), z.string()).nullable(),
  response_body: z.string().nullable(),
  error_class: z.string().nullable(),
  error_message: z.string().nullable(),
});

/** A delivery with its exact body and every attempt, oldest first (`GET /v1/deliveries/{id}`). */
export const deliverySchema = deliverySummarySchema.extend({
  body: z.string(),
  attempt_log: z.array(attemptSchema),
});

/** What one attempt made now answers: the delivery after it and the attempt. */
export const attemptResultSchema = z.object({
  delivery: deliverySummarySchema,
  attempt: attemptSchema,
});

/** Response schemas by route. */
export const deliveryResponses = {
  list: { 200: page(deliverySummarySchema) },
  show: { 200: single(deliverySchema) },
  retry: { 200: single(attemptResultSchema) },
  bulkRetry: { 202: single(z.object({ queued: z.number().int() })) },
} as const;

/** A delivery in a list. */
export type DeliverySummary = z.infer<typeof deliverySummarySchema>;
/** A delivery with its body and attempt log. */
export type Delivery = z.infer<typeof deliverySchema>;
/** One attempt of a delivery. */
export type Attempt = z.infer<typeof attemptSchema>;
/** The answer of `POST /v1/deliveries/{id}/retry`. */
export type AttemptResult = z.infer<typeof attemptResultSchema>;
