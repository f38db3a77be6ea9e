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
  // Fields added after the first release are optional, so a host that publishes its own
  // `customer.*`/`transaction.*` events in the earlier shape (`POST /v1/events`) is not
  // refused; what Hookline sends always has them.
  id: z.string().optional(),
  key: z.string(),
  partner: z.string().nullable(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  surname: z.string().nullable(),
  status: z.enum(['active', 'archived', 'deleted']),
  tags,
  /** Refer-a-friend: the customer who referred this one (by key), or null. */
  referring_customer: z.object({ key: z.string() }).nullable().optional(),
  created_at: timestamp,
  updated_at: timestamp,
  deleted_at: timestamp.nullable(),
});

/**
 * A commission earned by a partner: on a transaction (`action` `sale`...), on a converted lead
 * (`lead`, no transaction or customer) or as a manual bonus (`bonus`, likewise). `key` is the
 * transaction's key, or the reward's id when there is no transaction. Amounts are major units.
 */
export const rewardSchema = z.object({
  id: z.string(),
  key: z.string(),
  action: z.string(),
  status: z.enum(['review_period', 'approved', 'paid', 'cancelled']),
  partner: z.string(),
  customer: z.string().nullable(),
  transaction: z.string().nullable(),
  amount: z.number(),
  amount_units: z.string(),
  is_currency: z.boolean(),
  credit: z.boolean(),
  product_type_data: z.object({
    product_id: z.string().optional(),
    product_type: z.string().optional(),
  }),
  /** Why a manual reward was given; null for commissions. */
  note: z.string().nullable().optional(),
  /** The payout request that holds (or paid) this reward, or null. */
  payout_request: z.number().int().nullable().optional(),
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
  gross_amount: z.number().nullable().optional(),
  discount_amount: z.number().nullable().optional(),
  discount_code: z.string().nullable().optional(),
  rewards: z.array(rewardSchema),
  created_at: timestamp,
  updated_at: timestamp,
  deleted_at: timestamp.nullable(),
});

/** A lead a partner submitted (affiliate programs). Partnero addresses leads by numeric id. */
export const leadSchema = z.object({
  id: z.number().int(),
  partner: z.string(),
  name: z.string().nullable(),
  email: z.string(),
  status: z.enum(['pending', 'converted', 'rejected']),
  /** The amount the commission was computed from, once converted. */
  commission_transaction_amount: z.number().nullable(),
  amount_units: z.string().nullable(),
  /** The id of the reward the conversion earned (null when the partner earned none). */
  reward: z.string().nullable(),
  created_at: timestamp,
  updated_at: timestamp,
  converted_at: timestamp.nullable(),
  rejected_at: timestamp.nullable(),
});

/** A reward a newsletter subscriber received (Partnero: a milestone reward). */
export const subscriberRewardSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  fulfillment_type: z.string().nullable(),
  fulfillment_value: z.string().nullable(),
  created_at: timestamp,
});

/** A subscriber of a newsletter referral program. Addressed by `id`; `key` is its referral key. */
export const subscriberSchema = z.object({
  id: z.string(),
  key: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  is_referred: z.boolean(),
  /** The id of the subscriber who referred this one, or null. */
  referring_subscriber: z.string().nullable(),
  tos: z.boolean().nullable(),
  marketing_consent: z.boolean().nullable(),
  status: z.enum(['active', 'rejected', 'suspended']),
  approved: z.boolean(),
  share_link: z.string().nullable(),
  referrals_count: z.number().int(),
  reward: z.array(subscriberRewardSchema),
  created_at: timestamp,
  updated_at: timestamp,
  deleted_at: timestamp.nullable(),
});

/** One amount in a balance: per currency (or per non-monetary unit, such as points). */
export const balanceAmountSchema = z.object({
  amount: z.number(),
  amount_units: z.string(),
  is_currency: z.boolean(),
});

/**
 * An entry of a refer-a-friend customer's balance: a `credit` (added through the API) or a
 * `reward` (earned for a referral), with the balance after it.
 */
export const customerCreditSchema = z.object({
  id: z.string(),
  /** The customer's key. */
  customer: z.string(),
  type: z.enum(['credit', 'reward']),
  amount: z.number(),
  amount_units: z.string(),
  is_currency: z.boolean(),
  note: z.string().nullable(),
  /** For a reward: the key of the referred customer it was earned for, or null. */
  referred_customer: z.string().nullable(),
  balance: z.array(balanceAmountSchema),
  created_at: timestamp,
});

/**
 * A payout request: a partner's approved, unpaid rewards in one currency, paid together.
 * Partnero's statuses; `finished` means paid. Not an event payload (paying it fires
 * `reward.paid` per reward).
 */
export const payoutRequestSchema = z.object({
  id: z.number().int(),
  partner: z.string(),
  status: z.enum([
    'requested',
    'approved',
    'finished',
    'rejected',
    'resubmit_requested',
    'resubmitted',
  ]),
  amount: z.number(),
  amount_units: z.string(),
  gateway: z.string().nullable(),
  payout_settings: z.record(z.string(), z.string()),
  /** Ids of the rewards it pays. */
  rewards: z.array(z.string()),
  created_at: timestamp,
  updated_at: timestamp,
  approved_at: timestamp.nullable(),
  paid_at: timestamp.nullable(),
  rejected_at: timestamp.nullable(),
});

/** A partner as the API returns it. */
export type PartnerResource = z.infer<typeof partnerSchema>;
/** A customer as the API returns it. */
export type CustomerResource = z.infer<typeof customerSchema>;
/** A reward as the API returns it. */
export type RewardResource = z.infer<typeof rewardSchema>;
/** A transaction as the API returns it. */
export type TransactionResource = z.infer<typeof transactionSchema>;
/** A lead as the API returns it. */
export type LeadResource = z.infer<typeof leadSchema>;
/** A subscriber as the API returns it. */
export type SubscriberResource = z.infer<typeof subscriberSchema>;
/** A subscriber's reward. */
export type SubscriberRewardResource = z.infer<typeof subscriberRewardSchema>;
/** A customer balance entry as the API returns it. */
export type CustomerCreditResource = z.infer<typeof customerCreditSchema>;
/** One amount of a balance. */
export type BalanceAmount = z.infer<typeof balanceAmountSchema>;
/** A payout request as the API returns it. */
export type PayoutRequestResource = z.infer<typeof payoutRequestSchema>;
