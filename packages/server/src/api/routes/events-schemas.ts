/**
 * Response schemas of the event routes (`/v1/events…`) and of the test send. Imports nothing
 * but zod (and the sibling delivery schemas), so the dashboard can read the inferred types.
 */
import { z } from 'zod';
import { attemptSchema, deliverySummarySchema, page, single } from './deliveries-schemas.js';

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

/** What a test send answers: the test event's id, its delivery after the attempt, the attempt. */
export const testSendResultSchema = z.object({
  event_id: z.string(),
  delivery: deliverySummarySchema,
  attempt: attemptSchema,
});

/** Response schemas by route. */
export const eventResponses = {
  publish: { 201: single(eventSchema) },
  list: { 200: page(eventSummarySchema) },
  show: { 200: single(eventSchema) },
  testSend: { 200: single(testSendResultSchema) },
} as const;

/** An event in a list. */
export type EventSummary = z.infer<typeof eventSummarySchema>;
/** An event with its deliveries. */
export type Event = z.infer<typeof eventSchema>;
/** The answer of `POST /v1/webhooks/{key}/test`. */
export type TestSendResult = z.infer<typeof testSendResultSchema>;
