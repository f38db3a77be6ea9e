import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import { formatTimestamp } from '../util/time.js';

/**
 * Attribution by promotion code: a sale recorded with a `discount_code` that is a partner's
 * promotion code is that partner's, when its customer was referred by nobody. A customer who
 * has a partner keeps it (the referral came first), and the customer itself is not assigned:
 * only the sale that used the code is attributed, so a later sale without a code still needs
 * a referring partner.
 *
 * A code attributes while it and its coupon are `active`, within the code's
 * `expiration_date_value` and the coupon's `redemption_specific_date_value` (both inclusive
 * UTC days, compared with the day of the sale), and while its partner is not deleted. The
 * other restrictions (first order, minimum order, redemption counts) are stored and shown but
 * not enforced: Hookline records sales after the checkout has applied the discount.
 */

/** `YYYY-MM-DD` of an epoch-ms time, in UTC. */
function utcDay(ms: number): string {
  return formatTimestamp(ms).slice(0, 10);
}

/**
 * The id of the partner whose promotion code is `discountCode` (matched case-insensitively,
 * surrounding spaces ignored), or `null` when no code in the program attributes a sale made
 * at `saleAt` (epoch ms).
 */
export async function partnerOfPromotionCode(
  db: Kysely<Database>,
  programId: string,
  discountCode: string | null | undefined,
  saleAt: number,
): Promise<string | null> {
  const code = discountCode?.trim().toLowerCase();
  if (!code) return null;
  const day = utcDay(saleAt);
  const row = await db
    .selectFrom('promotion_codes')
    .innerJoin('coupons', 'coupons.id', 'promotion_codes.coupon_id')
    .innerJoin('partners', (join) =>
      join
        .onRef('partners.program_id', '=', 'promotion_codes.program_id')
        .onRef('partners.id', '=', 'promotion_codes.partner_id'),
    )
    .select('partners.id as partner_id')
    .where('promotion_codes.program_id', '=', programId)
    .where('promotion_codes.code_key', '=', code)
    .where('promotion_codes.active', '=', 1)
    .where('coupons.active', '=', 1)
    .where('partners.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('promotion_codes.expiration_date_status', '=', 0),
        eb('promotion_codes.expiration_date_value', '>=', day),
      ]),
    )
    .where((eb) =>
      eb.or([
        eb('coupons.redemption_date_status', '=', 0),
        eb('coupons.redemption_date_value', '>=', day),
      ]),
    )
    .executeTakeFirst();
  return row?.partner_id ?? null;
}
