import type { z } from 'zod';
import { subscriberSchema } from '../../webhooks/resource-schemas.js';
import { dataOf, pageOf } from './common-schemas.js';

/** `{data: Subscriber}`. */
export const subscriberResponse = dataOf(subscriberSchema);
/** A page of subscribers. */
export const subscriberPage = pageOf(subscriberSchema);

/** A newsletter subscriber as the API returns it. */
export type Subscriber = z.infer<typeof subscriberSchema>;
