import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import { findCoupon, parseMetadata } from './coupon-lookup.js';
import type { CouponRow, DiscountType, DurationType } from './coupon-lookup.js';
import { engineOf, isUniqueViolation } from '../storage/index.js';
import { newId, randomAlphanumeric } from '../util/ids.js';
import { formatTimestamp } from '../util/time.js';
import { commitChange } from './change.js';
import type { Change, DomainDeps } from './change.js';
import { notFound, validationFailed } from './errors.js';
import { orderDirection } from './list-query.js';
import type { PageWindow } from './list-query.js';
import { codesOfCoupons, insertPromotionCode, presentPromotionCode } from './promotion-codes.js';
import type { PromotionCodeInput, PromotionCodeResource } from './promotion-codes.js';

/**
 * Partnero's coupons: a discount (`percent` or `static`), how long it lasts and how often it
 * may be redeemed. Customers redeem a coupon through its promotion codes
 * (`promotion-codes.ts`); a partner's code attributes the sales that use it
 * (`promotion-attribution.ts`). A coupon is addressed by its `uuid_code` (Partnero's current
 * API) or by its numeric `id`, counted per program (the Python SDK's `coupon_id`).
 *
 * Coupons fire no webhook events: Partnero has none for them. Hookline only records the
 * discount; it applies nothing at checkout.
 */

/** A coupon as the API shows it (Partnero's shape, plus `id` and `promotion_codes`). */
export interface CouponResource {
  id: number;
  uuid_code: string;
  name: string;
  active: boolean;
  coupon_discount_type: DiscountType;
  coupon_discount_amount: number;
  coupon_duration_type: DurationType;
  coupon_duration_value: number | null;
  redemption_specific_date_status: boolean;
  redemption_specific_date_value: string | null;
  redemption_times_status: boolean;
  redemption_times_value: number | null;
  times_redeemed: number;
  metadata: Record<string, unknown>;
  promotion_codes: { data: PromotionCodeResource[] };
  created_at: string;
  updated_at: string;
  deleted_at: null;
}

/** Input of {@link createCoupon}, validated by the route. */
export interface CouponInput {
  readonly uuid_code?: string | undefined;
  readonly name?: string | undefined;
  readonly active?: boolean | undefined;
  readonly coupon_discount_type: DiscountType;
  readonly coupon_discount_amount: number;
  readonly coupon_duration_type: DurationType;
  readonly coupon_duration_value?: number | undefined;
  readonly redemption_specific_date_status?: boolean | undefined;
  readonly redemption_specific_date_value?: string | undefined;
  readonly redemption_times_status?: boolean | undefined;
  readonly redemption_times_value?: number | undefined;
  readonly metadata?: Record<string, unknown> | undefined;
  /** Codes created with the coupon, in the same transaction. */
  readonly promotion_codes?: readonly Omit<PromotionCodeInput, 'coupon'>[] | undefined;
}

/** Input of {@link updateCoupon}: only the given fields change. */
export interface CouponUpdate {
  readonly name?: string | undefined;
  readonly active?: boolean | undefined;
  readonly metadata?: Record<string, unknown> | undefined;
}

/** The coupon as the API shows it, with its promotion codes. */
export function presentCoupon(
  row: CouponRow,
  codes: readonly PromotionCodeResource[],
): CouponResource {
  return {
    id: row.number,
    uuid_code: row.uuid_code,
    name: row.name,
    active: row.active === 1,
    coupon_discount_type: row.discount_type as DiscountType,
    coupon_discount_amount: Number(row.discount_amount),
    coupon_duration_type: row.duration_type as DurationType,
    coupon_duration_value: row.duration_value,
    redemption_specific_date_status: row.redemption_date_status === 1,
    redemption_specific_date_value: row.redemption_date_value,
    redemption_times_status: row.redemption_times_status === 1,
    redemption_times_value: row.redemption_times_value,
    // Redemptions are not counted yet: Hookline records sales, not checkouts.
    times_redeemed: 0,
    metadata: parseMetadata(row.metadata),
    promotion_codes: { data: [...codes] },
    created_at: formatTimestamp(row.created_at),
    updated_at: formatTimestamp(row.updated_at),
    deleted_at: null,
  };
}

/**
 * A coupon named in a URL path: by `uuid_code`, else (an all-digit segment) by numeric id.
 * A `uuid_code` made of digits wins over the id it spells. Another program's coupon is a 404.
 */
async function couponAt(db: Kysely<Database>, programId: string, idOrCode: string) {
  const byCode = await findCoupon(db, programId, { uuid_code: idOrCode });
  if (byCode) return byCode;
  if (/^\d{1,15}$/.test(idOrCode)) {
    const byId = await findCoupon(db, programId, { id: Number(idOrCode) });
    if (byId) return byId;
  }
  throw notFound('Coupon');
}

async function presentRows(
  db: Kysely<Database>,
  programId: string,
  rows: readonly CouponRow[],
): Promise<CouponResource[]> {
  const codes = await codesOfCoupons(
    db,
    programId,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    presentCoupon(
      r,
      (codes.get(r.id) ?? []).map((c) => presentPromotionCode(c, r)),
    ),
  );
}

/** A coupon by `uuid_code` or numeric id (path segment), or a 404. */
export async function getCoupon(
  db: Kysely<Database>,
  programId: string,
  idOrCode: string,
): Promise<CouponResource> {
  const row = await couponAt(db, programId, idOrCode);
  const [coupon] = await presentRows(db, programId, [row]);
  if (!coupon) throw notFound('Coupon');
  return coupon;
}

/** Coupons by numeric id, oldest first unless `sort: 'desc'` (`limit + 1` rows). */
export async function listCoupons(
  db: Kysely<Database>,
  programId: string,
  window: PageWindow,
): Promise<CouponResource[]> {
  const rows = await db
    .selectFrom('coupons')
    .selectAll()
    .where('program_id', '=', programId)
    .orderBy('number', orderDirection(window.sort, 'asc'))
    .limit(window.limit + 1)
    .offset(window.offset)
    .execute();
  return presentRows(db, programId, rows);
}

/** Checks the rules Partnero states between fields; a 422 naming the field otherwise. */
function checkCoupon(input: CouponInput): void {
  const errors: Record<string, string[]> = {};
  if (input.coupon_discount_type === 'percent' && input.coupon_discount_amount > 100) {
    errors.coupon_discount_amount = ['A percent discount must be between 0 and 100.'];
  }
  const timed = input.coupon_duration_type !== 'once' && input.coupon_duration_type !== 'lifetime';
  if (timed && (input.coupon_duration_value === undefined || input.coupon_duration_value < 1)) {
    errors.coupon_duration_value = [
      `The coupon duration value field is required when coupon duration type is ${input.coupon_duration_type}.`,
    ];
  }
  if (input.redemption_specific_date_status === true && !input.redemption_specific_date_value) {
    errors.redemption_specific_date_value = [
      'The redemption specific date value field is required when redemption specific date status is true.',
    ];
  }
  if (input.redemption_times_status === true && input.redemption_times_value === undefined) {
    errors.redemption_times_value = [
      'The redemption times value field is required when redemption times status is true.',
    ];
  }
  if (Object.keys(errors).length > 0) throw validationFailed(errors);
}

async function insertCoupon(change: Change, input: CouponInput): Promise<CouponRow> {
  const { trx, programId, now } = change;
  const uuidCode = input.uuid_code ?? randomAlphanumeric(8).toUpperCase();
  if (await findCoupon(trx, programId, { uuid_code: uuidCode })) {
    throw validationFailed({ uuid_code: ['The uuid code has already been taken.'] });
  }
  // Numbers are the program's next: on PostgreSQL concurrent creates queue on the program's
  // row instead of racing for one number (SQLite runs one writer at a time anyway).
  if (engineOf(trx) === 'postgres') {
    await trx.selectFrom('programs').select('id').where('id', '=', programId).forUpdate().execute();
  }
  const last = await trx
    .selectFrom('coupons')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('program_id', '=', programId)
    .executeTakeFirst();
  const timed = input.coupon_duration_type !== 'once' && input.coupon_duration_type !== 'lifetime';
  // Partnero's Python SDK sends a redemption limit without its `_status` switch: a value
  // given means the limit is on, unless the switch says otherwise.
  const timesStatus = input.redemption_times_status ?? input.redemption_times_value !== undefined;
  const dateStatus =
    input.redemption_specific_date_status ?? input.redemption_specific_date_value !== undefined;
  const row: CouponRow = {
    id: newId('cpn', now),
    program_id: programId,
    number: Number(last?.max ?? 0) + 1,
    uuid_code: uuidCode,
    name: input.name ?? uuidCode,
    active: input.active === false ? 0 : 1,
    discount_type: input.coupon_discount_type,
    discount_amount: input.coupon_discount_amount,
    duration_type: input.coupon_duration_type,
    duration_value: timed ? (input.coupon_duration_value ?? null) : null,
    redemption_date_status: dateStatus ? 1 : 0,
    redemption_date_value: dateStatus ? (input.redemption_specific_date_value ?? null) : null,
    redemption_times_status: timesStatus ? 1 : 0,
    redemption_times_value: timesStatus ? (input.redemption_times_value ?? null) : null,
    metadata: JSON.stringify(input.metadata ?? {}),
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('coupons').values(row).execute();
  return row;
}

/**
 * Creates a coupon, with the promotion codes given alongside, in one transaction. Its numeric
 * id is the program's next; two concurrent creates may pick the same one, and the loser runs
 * again (a few times) rather than answering an error for a valid request.
 */
export async function createCoupon(
  deps: DomainDeps,
  programId: string,
  input: CouponInput,
): Promise<CouponResource> {
  checkCoupon(input);
  for (let attempt = 1; ; attempt++) {
    try {
      const row = await commitChange(deps, programId, async (change) => {
        const coupon = await insertCoupon(change, input);
        // Ids made in one millisecond are not ordered: sorted, they keep the codes in the
        // order given, which is the order the coupon lists them in.
        const codes = input.promotion_codes ?? [];
        const ids = codes.map(() => newId('pcd', change.now)).sort();
        for (const [i, code] of codes.entries()) {
          await insertPromotionCode(change, coupon, code, `promotion_codes.${i}.`, ids[i]);
        }
        return coupon;
      });
      return getCoupon(deps.store.db, programId, row.uuid_code);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const { db } = deps.store;
      if (input.uuid_code !== undefined && (await findCoupon(db, programId, input))) {
        throw validationFailed({ uuid_code: ['The uuid code has already been taken.'] });
      }
      // A promotion code taken meanwhile, not a numbering race: say which one.
      const taken = await takenCode(db, programId, input.promotion_codes ?? []);
      if (taken !== undefined) {
        throw validationFailed({
          [`promotion_codes.${taken}.code`]: ['The code has already been taken.'],
        });
      }
      if (attempt >= 5) throw error;
    }
  }
}

async function takenCode(
  db: Kysely<Database>,
  programId: string,
  codes: readonly Omit<PromotionCodeInput, 'coupon'>[],
): Promise<number | undefined> {
  for (const [i, c] of codes.entries()) {
    if (c.code === undefined) continue;
    const hit = await db
      .selectFrom('promotion_codes')
      .select('id')
      .where('program_id', '=', programId)
      .where('code_key', '=', c.code.toLowerCase())
      .executeTakeFirst();
    if (hit) return i;
  }
  return undefined;
}

/** Changes a coupon's name, `active` switch or metadata (merged, as Partnero does). */
export async function updateCoupon(
  deps: DomainDeps,
  programId: string,
  idOrCode: string,
  update: CouponUpdate,
): Promise<CouponResource> {
  const row = await commitChange(deps, programId, async ({ trx, now }) => {
    const current = await couponAt(trx, programId, idOrCode);
    await trx
      .updateTable('coupons')
      .set({
        name: update.name ?? current.name,
        active: update.active === undefined ? current.active : update.active ? 1 : 0,
        metadata: JSON.stringify({ ...parseMetadata(current.metadata), ...update.metadata }),
        updated_at: now,
      })
      .where('id', '=', current.id)
      .execute();
    return current;
  });
  return getCoupon(deps.store.db, programId, row.uuid_code);
}

/**
 * Deletes a coupon and its promotion codes for good (their codes and `uuid_code` are free
 * again). Transactions keep the `discount_code` they were recorded with, and the partner
 * they were attributed to.
 */
export async function deleteCoupon(
  deps: DomainDeps,
  programId: string,
  idOrCode: string,
): Promise<void> {
  await commitChange(deps, programId, async ({ trx }) => {
    const current = await couponAt(trx, programId, idOrCode);
    await trx.deleteFrom('promotion_codes').where('coupon_id', '=', current.id).execute();
    await trx.deleteFrom('coupons').where('id', '=', current.id).execute();
  });
}
