import { z } from 'zod';
import { identifier } from './partner-fields.js';

/** Refer-a-friend: a customer named by key or id (`id` wins, as Partnero documents). */
export const customerRef = z
  .object({ key: identifier.optional(), id: identifier.optional() })
  .refine((r) => r.key !== undefined || r.id !== undefined, {
    message: 'give the referring customer key or id',
  });
