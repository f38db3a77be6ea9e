import { z } from 'zod';
// Zod-only like this file: the resource shapes are shared with the event catalog.
import { customerSchema } from '../../webhooks/resource-schemas.js';
import { dataOf, pageOf } from './common-schemas.js';

/** Answers of the customer routes. */
export const customerResponseSchema = dataOf(customerSchema);
/** One page of customers. */
export const customerPageSchema = pageOf(customerSchema);

/** A customer as the API returns it. */
export type Customer = z.infer<typeof customerSchema>;
/** `GET /v1/customers` and `GET /v1/customers:search`. */
export type CustomerPage = z.infer<typeof customerPageSchema>;

const unitAmount = z.object({ amount: z.number(), amount_units: z.string() });
const balanceAmount = unitAmount.extend({ is_currency: z.boolean() });

/** `GET /v1/customers/{id}/stats`: computed from the program's rows when asked. */
export const customerStatsSchema = z.object({
  customer: z.string(),
  referrals_count: z.number().int(),
  paying_referrals_count: z.number().int(),
  referral_purchases: z.object({ count: z.number().int(), amounts: z.array(unitAmount) }),
  purchases: z.object({ count: z.number().int(), amounts: z.array(unitAmount) }),
  credits: z.object({ count: z.number().int(), amounts: z.array(balanceAmount) }),
  rewards: z.object({ count: z.number().int(), amounts: z.array(balanceAmount) }),
  balance: z.array(balanceAmount),
  invitations_count: z.number().int(),
  referral_links_count: z.number().int(),
});
/** The stats answer. */
export const customerStatsResponse = dataOf(customerStatsSchema);

/** An invitation of `POST /v1/customers:invite`. */
export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  referring_customer: z.object({ key: z.string() }).nullable(),
  referral_link: z.string().nullable(),
  personalization: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  status: z.enum(['recorded', 'sent', 'failed']),
  error: z.string().nullable(),
  created_at: z.string(),
  sent_at: z.string().nullable(),
});
/** The invite answer. */
export const invitationResponse = dataOf(invitationSchema);
