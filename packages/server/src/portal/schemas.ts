import { z } from 'zod';
import { payoutRequestSchema } from '../webhooks/resource-schemas.js';
import { portalSettingsSchema } from './settings.js';

/**
 * Response schemas of the portal's API (`/portal/api/...`), as `/openapi.json` shows them.
 * They are the partner's view: narrower than `/v1`'s resources, with no owner-only field.
 */

const timestamp = z.string().describe('ISO 8601, UTC');

/** `{data}` of the portal's answers (no Partnero `status`: the portal is Hookline's own API). */
function envelope<T extends z.ZodType>(data: T) {
  return z.object({ data });
}

/** The signed-in partner, as it sees itself. */
export const portalMeSchema = z.object({
  partner: z.object({
    id: z.string(),
    key: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    surname: z.string().nullable(),
    status: z.string(),
  }),
  program: z.object({ id: z.string(), name: z.string(), website_url: z.string().nullable() }),
  csrf_token: z.string().describe('Send it as `x-csrf-token` on every non-GET request.'),
  expires_at: timestamp,
  customer_pii: portalSettingsSchema.shape.customer_pii,
  postbacks: z
    .object({
      enabled: z.boolean().describe('The program lets partners receive postbacks.'),
      events: portalSettingsSchema.shape.postback_events,
      max_per_partner: z.number().int(),
      allow_http: z.boolean().describe('`http://` URLs are accepted (else only `https://`).'),
    })
    .describe('What the program lets the partner do with postbacks.'),
});

/** One referral link. */
export const portalLinkSchema = z.object({
  key: z.string(),
  url: z.string().nullable().describe('The program website with `?aff=<key>`; null without one.'),
  default: z.boolean(),
  created_at: timestamp,
});

/** One referral (a customer the partner referred); name and e-mail masked unless allowed. */
export const portalReferralSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  status: z.string(),
  created_at: timestamp,
});

/** One sale of a referral, with the partner's commission on it. */
export const portalTransactionSchema = z.object({
  key: z.string(),
  amount: z.number(),
  amount_units: z.string(),
  customer: z.string().describe('The referral id (see referrals).'),
  status: z.enum(['recorded', 'archived', 'refunded']),
  commission: z
    .object({ id: z.string(), amount: z.number(), amount_units: z.string(), status: z.string() })
    .nullable(),
  created_at: timestamp,
});

/** One commission (reward). */
export const portalRewardSchema = z.object({
  id: z.string(),
  action: z.string(),
  status: z.string().describe('review_period, approved, paid or cancelled'),
  amount: z.number(),
  amount_units: z.string(),
  transaction: z.string().nullable(),
  payout_request: z.number().int().nullable(),
  created_at: timestamp,
  approved_at: timestamp.nullable(),
  paid_at: timestamp.nullable(),
});

/** The partner's balance in one currency, in major units. */
export const portalBalanceSchema = z.object({
  amount_units: z.string(),
  in_review: z.number().describe('Commissions still in their review period.'),
  available: z.number().describe('Approved and in no payout request: what a request pays.'),
  in_payout: z.number().describe('Held by an open payout request.'),
  paid: z.number(),
});

/** Payout method and details the partner keeps for its requests. */
export const portalPayoutDetailsSchema = z.object({
  gateway: z.string().nullable(),
  payout_settings: z.record(z.string(), z.string()),
  updated_at: timestamp.nullable(),
});

/** `GET /portal/api/me`. */
export const portalMeResponse = envelope(portalMeSchema);
/** `GET /portal/api/referral-links`. */
export const portalLinksResponse = envelope(z.array(portalLinkSchema));
/** `GET /portal/api/referrals`. */
export const portalReferralsResponse = envelope(z.array(portalReferralSchema));
/** `GET /portal/api/transactions`. */
export const portalTransactionsResponse = envelope(z.array(portalTransactionSchema));
/** `GET /portal/api/rewards`. */
export const portalRewardsResponse = envelope(z.array(portalRewardSchema));
/** `GET /portal/api/balance`. */
export const portalBalanceResponse = envelope(z.array(portalBalanceSchema));
/** `GET /portal/api/payouts`. */
export const portalPayoutsResponse = envelope(z.array(payoutRequestSchema));
/** One payout request. */
export const portalPayoutResponse = envelope(payoutRequestSchema);
/** `GET|PUT /portal/api/payout-details`. */
export const portalPayoutDetailsResponse = envelope(portalPayoutDetailsSchema);

/** Partner-portal types. */
export type PortalReferral = z.infer<typeof portalReferralSchema>;
export type PortalTransaction = z.infer<typeof portalTransactionSchema>;
export type PortalReward = z.infer<typeof portalRewardSchema>;
export type PortalBalance = z.infer<typeof portalBalanceSchema>;
export type PortalLink = z.infer<typeof portalLinkSchema>;
export type PortalPayoutDetails = z.infer<typeof portalPayoutDetailsSchema>;
