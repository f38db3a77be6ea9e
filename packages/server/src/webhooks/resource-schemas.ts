import { z } from 'zod';

/**
 * The resources as the REST API returns them, which is also the `data` of their events
 * (Partnero's rule: an event carries the resource exactly as `GET` shows it). One schema
 * serves the catalog's JSON Schema, validation of published events and the OpenAPI document.
 */

/** `2026-05-07T10:30:00.000000Z`: ISO 8601, six fractional digits, UTC. */
export const timestamp = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/,
    'must be like 2026-05-07T10:30:00.000000Z',
  );

const tags = z.array(z.object({ value: z.string() }));

/** A partner (affiliate) of the program. Addressed by `id`; `key` is its referral key. */
export const partnerSchema = z.object({
  id: z.string(),
  key: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  surname: z.string().nullable(),
  status: z.enum(['pending', 'active', 'rejected', 'archived']),
  approved: z.boolean(),
  tags,
  referral_link: z.string().nullable(),
  referral_links: z.array(z.string()),
  referrals_count: z.number().int(),
  created_at: timestamp,
  updated_at: timestamp,
  deleted_at: timestamp.nullable(),
});

/**
 * A customer referred by a partner. Addressed by `key`, `id` or `email`; `partner` is the
 * partner's id.
 */
export const customerSchema = z.object({
  id: z.string(),
  key: z.string(),
  partner: z.string().nullable(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  surname: z.string().nullable(),
  status: z.enum(['active', 'archived', 'deleted']),
  tags,
  created_at: timestamp,
  updated_at: timestamp,
  deleted_at: timestamp.nullable(),
});

/** A commission earned by a partner on a transaction. Amounts are major units (`29.99`). */
export const rewardSchema = z.object({
  id: z.string(),
  key: z.string(),
  action: z.string(),
  status: z.enum(['review_period', 'approved', 'paid', 'cancelled']),
  partner: z.string(),
  customer: z.string(),
  transaction: z.string(),
  amount: z.number(),
  amount_units: z.string(),
  is_currency: z.boolean(),
  credit: z.boolean(),
  product_type_data: z.object({
    product_id: z.string().optional(),
    product_type: z.string().optional(),
  }),
  created_at: timestamp,
  approved_at: timestamp.nullable(),
  paid_at: timestamp.nullable(),
  deleted_at: timestamp.nullable(),
});

/** A sale (or other action) of a customer, with the rewards it produced. */
export const transactionSchema = z.object({
  key: z.string(),
  action: z.string(),
  amount: z.number(),
  amount_units: z.string(),
  partner: z.string().nullable(),
  customer: z.string(),
  credit: z.boolean(),
  is_currency: z.boolean(),
  product_id: z.string().nullable(),
  product_type: z.string().nullable(),
  /** Amount before discounts, as the client sent it (major units). */
  gross_amount: z.number().nullable(),
  discount_amount: z.number().nullable(),
  discount_code: z.string().nullable(),
  rewards: z.array(rewardSchema),
  created_at: timestamp,
  updated_at: timestamp,
  deleted_at: timestamp.nullable(),
});

/** A partner as the API returns it. */
export type PartnerResource = z.infer<typeof partnerSchema>;
/** A customer as the API returns it. */
export type CustomerResource = z.infer<typeof customerSchema>;
/** A reward as the API returns it. */
export type RewardResource = z.infer<typeof rewardSchema>;
/** A transaction as the API returns it. */
export type TransactionResource = z.infer<typeof transactionSchema>;
