import { z } from 'zod';
import { dataOf } from './common-schemas.js';

/** The program types (kept in step with the catalog's `PROGRAM_TYPES` by a test). */
export const programTypeSchema = z.enum(['affiliate', 'refer-a-friend', 'newsletter']);

/** `GET /v1/program/events`: the program's type and the events it has, in catalog order. */
export const programEventsResponse = dataOf(
  z.object({
    program_type: programTypeSchema,
    events: z.array(z.object({ name: z.string(), resource: z.string(), description: z.string() })),
  }),
);

/** A program type. */
export type ProgramType = z.infer<typeof programTypeSchema>;
/** The body of `GET /v1/program/events`. */
export type ProgramEvents = z.infer<typeof programEventsResponse>['data'];
