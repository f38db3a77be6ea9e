import { z } from 'zod';
import { dataOf, pageOf } from './common-schemas.js';

/**
 * Answers of `/v1/coupons` and `/v1/promotion-codes`, Partnero's shapes
 * (docs.partnero.com, "Coupons" and "Promotion codes"), plus the coupon's numeric `id` (the
 * Python SDK's `coupon_id`) and the code's `partner`.
 */

const discountType = z.enum(['percent', 'static']);
const durationType = z.enum(['once', 'hours', 'days', 'months', 'years', 'lifetime']);

/** The coupon a promotion code shows. */
export const couponSummarySchema = z.object({
  id: z.number().int(),
  uuid_code: z.string(),
  name: z.string(),
  active: z.boolean(),
  coupon_discount_type: discountType,
  coupon_discount_amount: z.number(),
  coupon_duration_type: durationType,
  coupon_duration_value: z.number().int().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

/** A promotion code. */
export const promotionCodeSchema = z
  .object({
    code: z.string(),
    active: z.boolean(),
    coupon_uuid: z.string(),
    coupon: couponSummarySchema,
    partner: z.string().nullable().describe('The partner whose sales the code attributes'),
    first_time_order: z.boolean(),
    limit_to_specific_partner: z.boolean(),
    coupon_specific_partners: z.array(z.object({ id: z.string(), full_name: z.string() })),
    limit_to_specific_customer: z.boolean(),
    coupon_specific_customers: z.array(z.never()),
    minimum_order_status: z.boolean(),
    minimum_order_value: z.number().nullable(),
    expiration_date_status: z.boolean(),
    expiration_date_value: z.string().nullable(),
    redemption_times_status: z.boolean(),
    redemption_times_value: z.number().int().nullable(),
    times_redeemed: z.number().int(),
    metadata: z.record(z.string(), z.unknown()),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .describe('A promotion code.');

/** A coupon, with its promotion codes. */
export const couponSchema = couponSummarySchema
  .extend({
    redemption_specific_date_status: z.boolean(),
    redemption_specific_date_value: z.string().nullable(),
    redemption_times_status: z.boolean(),
    redemption_times_value: z.number().int().nullable(),
    times_redeemed: z.number().int(),
    metadata: z.record(z.string(), z.unknown()),
    promotion_codes: z.object({ data: z.array(promotionCodeSchema) }),
    deleted_at: z.null(),
  })
  .describe('A coupon.');

/** One coupon. */
export const couponResponseSchema = dataOf(couponSchema);
/** A page of coupons. */
export const couponPageSchema = pageOf(couponSchema);
/** One promotion code. */
export const promotionCodeResponseSchema = dataOf(promotionCodeSchema);
/** A page of promotion codes. */
export const promotionCodePageSchema = pageOf(promotionCodeSchema);

/** A coupon as the API returns it. */
export type Coupon = z.infer<typeof couponSchema>;
/** A promotion code as the API returns it. */
export type PromotionCode = z.infer<typeof promotionCodeSchema>;
