import type { Kysely, Selectable } from 'kysely';
import type { CouponsTable, Database } from '../storage/index.js';
import { formatTimestamp } from '../util/time.js';

/**
 * Reading coupons, shared by coupons and promotion codes (which show their coupon). Writes
 * live in `coupons.ts`.
 */

/** Discount kinds. Partnero says `static`; `fixed` is read as `static`. */
export type DiscountType = 'percent' | 'static';
/** How long a coupon's discount lasts; `forever` (Stripe's word) is read as `lifetime`. */
export type DurationType = 'once' | 'hours' | 'days' | 'months' | 'years' | 'lifetime';

/** A coupon row. */
export type CouponRow = Selectable<CouponsTable>;

/** How a request names a coupon: its `uuid_code`, or its numeric `id`. */
export interface CouponRef {
  readonly uuid_code?: string | undefined;
  readonly id?: number | undefined;
}

/** The coupon a promotion code shows (Partnero's `coupon` member, without its codes). */
export interface CouponSummary {
  id: number;
  uuid_code: string;
  name: string;
  active: boolean;
  coupon_discount_type: DiscountType;
  coupon_discount_amount: number;
  coupon_duration_type: DurationType;
  coupon_duration_value: number | null;
  created_at: string;
  updated_at: string;
}

/** Parses a stored JSON object; anything else shows as `{}`. */
export function parseMetadata(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The coupon as a promotion code shows it. */
export function summariseCoupon(row: CouponRow): CouponSummary {
  return {
    id: row.number,
    uuid_code: row.uuid_code,
    name: row.name,
    active: row.active === 1,
    coupon_discount_type: row.discount_type as DiscountType,
    coupon_discount_amount: Number(row.discount_amount),
    coupon_duration_type: row.duration_type as DurationType,
    coupon_duration_value: row.duration_value,
    created_at: formatTimestamp(row.created_at),
    updated_at: formatTimestamp(row.updated_at),
  };
}

/** A coupon row by `uuid_code` (first) or numeric id, or `undefined`. */
export async function findCoupon(
  db: Kysely<Database>,
  programId: string,
  ref: CouponRef,
): Promise<CouponRow | undefined> {
  let query = db.selectFrom('coupons').selectAll().where('program_id', '=', programId);
  if (ref.uuid_code !== undefined) query = query.where('uuid_code', '=', ref.uuid_code);
  else if (ref.id !== undefined) query = query.where('number', '=', ref.id);
  else return undefined;
  return query.executeTakeFirst();
}
