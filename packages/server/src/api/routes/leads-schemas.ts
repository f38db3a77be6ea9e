import type { z } from 'zod';
import { leadSchema } from '../../webhooks/resource-schemas.js';
import { okOf, pageOf } from './response-envelopes.js';

/** `{data: Lead}`. */
export const leadResponse = okOf(leadSchema);
/** A page of leads. */
export const leadPage = pageOf(leadSchema);

/** A lead as the API returns it. */
export type Lead = z.infer<typeof leadSchema>;
