/**
 * Response schemas of the event routes (`/v1/events…`) and of the test send. Imports nothing
 * but zod (and the sibling delivery schemas), so the dashboard can read the inferred types.
 */
import { z } from 'zod';
import { dataOf, errorResponses, pageOf } from './common-schemas.js';
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

/** Response schemas by route. */
export const eventResponses = {
  publish: { 201: dataOf(eventSchema), ...errorResponses },
  list: { 200: pageOf(eventSummarySchema), ...errorResponses },
  show: { 200: dataOf(eventSchema), ...errorResponses },
  testSend: { 200: testSendResultData, ...errorResponses },
} as const;

/** An event in a list. */
export type EventSummary = z.infer<typeof eventSummarySchema>;
/** An event with its deliveries. */
export type Event = z.infer<typeof eventSchema>;
