import { z } from 'zod';
import { dataOf, pageOf } from './common-schemas.js';

/**
 * A partner's referral link, Partnero's shape (`id` equals `key`; `default` marks the main
 * link, made of the partner's own key), plus the partner's id and times. `url` is null while
 * the program has no website.
 */
export const referralLinkSchema = z.object({
  id: z.string(),
  key: z.string(),
  url: z.string().nullable(),
  default: z.boolean(),
  is_additional: z.boolean(),
  direct_tracking: z.boolean(),
  direct_tracking_redirect: z.boolean(),
  direct_tracking_redirect_url: z.string().nullable(),
  partner: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});

/** One link. */
export const referralLinkResponseSchema = dataOf(referralLinkSchema);
/** One page of a partner's links. */
export const referralLinkPageSchema = pageOf(referralLinkSchema);

/** A referral link as the API returns it. */
export type ReferralLink = z.infer<typeof referralLinkSchema>;
/** `GET /v1/partners/{id}/referral_links`. */
export type ReferralLinkPage = z.infer<typeof referralLinkPageSchema>;

/** A refer-a-friend customer's referral link: the same shape, with the customer's key. */
export const customerReferralLinkSchema = referralLinkSchema
  .omit({ partner: true })
  .extend({ customer: z.string() });
/** One customer link. */
export const customerReferralLinkResponseSchema = dataOf(customerReferralLinkSchema);
/** One page of customer links. */
export const customerReferralLinkPageSchema = pageOf(customerReferralLinkSchema);
