/**
 * Response schemas of the catalog (`/v1/event-types`). Imports nothing but zod, so the dashboard
 * reads it through `api/contract.ts`.
 */
import { z } from 'zod';
import { dataOf } from './common-schemas.js';

/** A catalog entry: an event type with the JSON Schema of its `data` and a sample. */
export const eventTypeSchema = z
  .object({
    name: z.string().describe('e.g. `transaction.created`'),
    resource: z.string().describe('The resource whose change fires it, e.g. `transaction`.'),
    description: z.string(),
    schema: z.record(z.string(), z.unknown()).describe('JSON Schema (2020-12) of `data`.'),
    sample: z.record(z.string(), z.unknown()).describe('A realistic `data`, used by test sends.'),
  })
  .describe('An event type of the catalog.');

/** A catalog entry as the API returns it. */
export type EventTypeEntry = z.infer<typeof eventTypeSchema>;

/** `GET /v1/event-types`. */
export const eventTypeList = dataOf(
  z.array(eventTypeSchema).describe('Every event type of the catalog.'),
);

/** `GET /v1/event-types/{name}`. */
export const eventTypeData = dataOf(eventTypeSchema);
