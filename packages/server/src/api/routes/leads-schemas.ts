import type { z } from 'zod';
import { leadSchema } from '../../webhooks/resource-schemas.js';
import { dataOf, pageOf } from './common-schemas.js';

/** `{data: Lead}`. */
export const leadResponse = dataOf(leadSchema);
/** A page of leads. */
export const leadPage = pageOf(leadSchema);

/** A lead as the API returns it. */
export type Lead = z.infer<typeof leadSchema>;
