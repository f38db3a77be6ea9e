/**
 * Response schemas of the event routes (`/v1/events…`) and of the test send. Imports nothing
 * but zod (and the sibling delivery schemas), so the dashboard can read the inferred types.
 */
import { z } from 'zod';
import { dataOf, pageOf } from './common-schemas.js';
import { deliverySummarySchema, testSendResultData } from './delivery-schemas.js';

/** An event as lists show it. */
export const eventSummarySchema = z.object({
  id: z.string(),
  event: z.string(),
  source: z.enum(['api', 'resource', 'test']),
  data: z.unknown(),
  created_at: z.string(),
});

/** An event with the summaries of its deliveries, oldest first. */
export const eventSchema = eventSummarySchema.extend({
  deliveries: z.array(deliverySummarySchema),
});

/** The result of one item of `POST /v1/events/batch`, in the order of the request's items. */
export const batchItemResultSchema = z.object({
  /** The item's position in the request, from 0. */
  index: z.number().int(),
  /**
   * `created`: recorded now; `replayed`: its `idempotency_key` was used with the same event and
   * data within 24 h (nothing recorded, the earlier event's id); `invalid`: not recorded.
   */
  status: z.enum(['created', 'replayed', 'invalid']),
  event_id: z.string().optional(),
  /** Field errors of an invalid item, as a 422 lists them. */
  errors: z.record(z.string(), z.array(z.string())).optional(),
});

/** Response schemas by route. */
export const eventResponses = {
  publish: { 201: dataOf(eventSchema) },
  batch: { 200: dataOf(z.array(batchItemResultSchema)) },
  list: { 200: pageOf(eventSummarySchema) },
  show: { 200: dataOf(eventSchema) },
  testSend: { 200: testSendResultData },
} as const;

/** An event in a list. */
export type EventSummary = z.infer<typeof eventSummarySchema>;
/** An event with its deliveries. */
export type Event = z.infer<typeof eventSchema>;
/** The result of one item of a batch publish. */
export type BatchItemResult = z.infer<typeof batchItemResultSchema>;
