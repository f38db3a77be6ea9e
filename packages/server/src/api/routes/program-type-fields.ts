import { z } from 'zod';
import { identifier } from './partner-fields.js';

/**
 * Field schemas shared by the program-type routes (leads, bonuses, payouts, refer-a-friend).
 */

/** A major-unit amount, as a number or decimal string (`99.99`, `"99.99"`). */
export const amountField = z.union([z.number(), z.string().trim().min(1).max(40)]);

/** Refer-a-friend: a customer named by key or id (`id` wins, as Partnero documents). */
export const customerRef = z
  .object({ key: identifier.optional(), id: identifier.optional() })
  .refine((r) => r.key !== undefined || r.id !== undefined, {
    message: 'give the referring customer key or id',
  });
