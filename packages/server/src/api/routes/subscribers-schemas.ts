import type { z } from 'zod';
import { subscriberSchema } from '../../webhooks/resource-schemas.js';
import { okOf, pageOf } from './response-envelopes.js';

/** `{data: Subscriber}`. */
export const subscriberResponse = okOf(subscriberSchema);
/** A page of subscribers. */
export const subscriberPage = pageOf(subscriberSchema);

/** A newsletter subscriber as the API returns it. */
export type Subscriber = z.infer<typeof subscriberSchema>;
