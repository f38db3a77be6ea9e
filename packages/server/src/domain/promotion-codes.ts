import type { Kysely, Selectable } from 'kysely';
import type { Database, PromotionCodesTable } from '../storage/index.js';
import { isUniqueViolation } from '../storage/index.js';
import { newId, randomAlphanumeric } from '../util/ids.js';
import { formatTimestamp } from '../util/time.js';
import { commitChange } from './change.js';
import type { Change, DomainDeps } from './change.js';
import { findCoupon, parseMetadata, summariseCoupon } from './coupon-lookup.js';
import type { CouponRef, CouponRow, CouponSummary } from './coupon-lookup.js';
import { notFound, validationFailed } from './errors.js';
import { orderDirection } from './list-query.js';
import type { PageWindow } from './list-query.js';
import { resolvePartner } from './partner-lookup.js';
import type { PartnerRef } from './partner-lookup.js';

/**
 * Promotion codes: what a shopper types at checkout to redeem a coupon. A code belongs to one
 * coupon and, optionally, to one partner (Partnero's `limit_to_specific_partner` with
 * `coupon_specific_partners`, or Hookline's `partner: {id|key|email}`); a partner's code
 * attributes the sales recorded with it as `discount_code` (`promotion-attribution.ts`).
 *
 * Codes are unique per program and **case-insensitive**: `Spring` and `SPRING` are one code,
 * stored as first given, found in any case. Shoppers type codes by hand and payment providers
 * (Stripe among them) match them that way, so a sale recorded with `spring` still finds the
 * partner. Promotion codes fire no webhook events: Partnero has none for them.
 */

/** A promotion code as the API shows it (Partnero's shape, plus `partner` and `active`). */
export interface PromotionCodeResource {
  code: string;
  active: boolean;
  coupon_uuid: string;
  coupon: CouponSummary;
  /** The id of the partner whose sales the code attributes, or `null`. */
  partner: string | null;
  first_time_order: boolean;
  limit_to_specific_partner: boolean;
  coupon_specific_partners: { id: string; full_name: string }[];
  limit_to_specific_customer: boolean;
  coupon_specific_customers: never[];
  minimum_order_status: boolean;
  minimum_order_value: number | null;
  expiration_date_status: boolean;
  expiration_date_value: string | null;
  redemption_times_status: boolean;
  redemption_times_value: number | null;
  times_redeemed: number;
  metadata: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

/** A code row with its partner's name, for `coupon_specific_partners[].full_name`. */
export type PromotionCodeRow = Selectable<PromotionCodesTable> & {
  partner_name: string | null;
  partner_surname: string | null;
  partner_email: string | null;
};

/** Fields of a promotion code that create and update take (validated by the route). */
export interface PromotionCodeFields {
  /** The partner whose sales it attributes; `null` on update removes it. */
  readonly partner?: PartnerRef | null | undefined;
  readonly active?: boolean | undefined;
  readonly first_time_order?: boolean | undefined;
  readonly minimum_order_status?: boolean | undefined;
  readonly minimum_order_value?: number | null | undefined;
  readonly expiration_date_status?: boolean | undefined;
  /** `YYYY-MM-DD`: the last day the code attributes sales. */
  readonly expiration_date_value?: string | null | undefined;
  readonly redemption_times_status?: boolean | undefined;
  readonly redemption_times_value?: number | null | undefined;
  readonly metadata?: Record<string, unknown> | undefined;
}

/** Input of {@link createPromotionCode}. */
export interface PromotionCodeInput extends PromotionCodeFields {
  readonly coupon: CouponRef;
  /** Generated (8 capitals and digits) when absent. */
  readonly code?: string | undefined;
}

function fullName(row: PromotionCodeRow): string {
  const name = [row.partner_name, row.partner_surname].filter((p) => p).join(' ');
  return name !== '' ? name : (row.partner_email ?? '');
}

/** The code as the API shows it. */
export function presentPromotionCode(
  row: PromotionCodeRow,
  coupon: CouponRow,
): PromotionCodeResource {
  return {
    code: row.code,
    active: row.active === 1,
    coupon_uuid: coupon.uuid_code,
    coupon: summariseCoupon(coupon),
    partner: row.partner_id,
    first_time_order: row.first_time_order === 1,
    limit_to_specific_partner: row.partner_id !== null,
    coupon_specific_partners:
      row.partner_id === null ? [] : [{ id: row.partner_id, full_name: fullName(row) }],
    limit_to_specific_customer: false,
    coupon_specific_customers: [],
    minimum_order_status: row.minimum_order_status === 1,
    minimum_order_value: row.minimum_order_value === null ? null : Number(row.minimum_order_value),
    expiration_date_status: row.expiration_date_status === 1,
    expiration_date_value: row.expiration_date_value,
    redemption_times_status: row.redemption_times_status === 1,
    redemption_times_value: row.redemption_times_value,
    times_redeemed: 0,
    metadata: parseMetadata(row.metadata),
    created_at: formatTimestamp(row.created_at),
    updated_at: formatTimestamp(row.updated_at),
  };
}

function selectCodes(db: Kysely<Database>, programId: string) {
  return db
    .selectFrom('promotion_codes')
    .leftJoin('partners', (join) =>
      join
        .onRef('partners.program_id', '=', 'promotion_codes.program_id')
        .onRef('partners.id', '=', 'promotion_codes.partner_id'),
    )
    .selectAll('promotion_codes')
    .select([
      'partners.name as partner_name',
      'partners.surname as partner_surname',
      'partners.email as partner_email',
    ])
    .where('promotion_codes.program_id', '=', programId);
}

/** How many codes a coupon shows in its `promotion_codes`; the list endpoint has them all. */
export const CODES_SHOWN_PER_COUPON = 100;

/**
 * The codes of some coupons, each coupon's oldest first, at most
 * {@link CODES_SHOWN_PER_COUPON} each: a coupon may have a code per partner, and a page of
 * coupons must stay small. `GET /v1/promotion-codes?coupon_uuid=` pages through them all.
 */
export async function codesOfCoupons(
  db: Kysely<Database>,
  programId: string,
  couponIds: readonly string[],
): Promise<Map<string, PromotionCodeRow[]>> {
  const byCoupon = new Map<string, PromotionCodeRow[]>();
  for (const couponId of couponIds) {
    const rows = await selectCodes(db, programId)
      .where('promotion_codes.coupon_id', '=', couponId)
      .orderBy('promotion_codes.created_at')
      .orderBy('promotion_codes.id')
      .limit(CODES_SHOWN_PER_COUPON)
      .execute();
    byCoupon.set(couponId, rows);
  }
  return byCoupon;
}

async function couponsById(db: Kysely<Database>, programId: string, ids: readonly string[]) {
  const rows =
    ids.length === 0
      ? []
      : await db
          .selectFrom('coupons')
          .selectAll()
          .where('program_id', '=', programId)
          .where('id', 'in', [...new Set(ids)])
          .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

async function presentRows(
  db: Kysely<Database>,
  programId: string,
  rows: readonly PromotionCodeRow[],
): Promise<PromotionCodeResource[]> {
  const coupons = await couponsById(
    db,
    programId,
    rows.map((r) => r.coupon_id),
  );
  return rows.flatMap((r) => {
    const coupon = coupons.get(r.coupon_id);
    return coupon ? [presentPromotionCode(r, coupon)] : [];
  });
}

/** A code row by its code, in any case, or `undefined`. */
export function findPromotionCode(
  db: Kysely<Database>,
  programId: string,
  code: string,
): Promise<PromotionCodeRow | undefined> {
  return selectCodes(db, programId)
    .where('promotion_codes.code_key', '=', code.trim().toLowerCase())
    .executeTakeFirst();
}

async function codeAt(db: Kysely<Database>, programId: string, code: string) {
  const row = await findPromotionCode(db, programId, code);
  if (!row) throw notFound('Promotion code');
  return row;
}

/** A promotion code by its code (any case), or a 404. */
export async function getPromotionCode(
  db: Kysely<Database>,
  programId: string,
  code: string,
): Promise<PromotionCodeResource> {
  const [resource] = await presentRows(db, programId, [await codeAt(db, programId, code)]);
  if (!resource) throw notFound('Promotion code');
  return resource;
}

/** Promotion codes, oldest first unless `sort: 'desc'` (`limit + 1` rows). */
export async function listPromotionCodes(
  db: Kysely<Database>,
  programId: string,
  window: PageWindow & { readonly coupon?: CouponRef | undefined },
): Promise<PromotionCodeResource[]> {
  const direction = orderDirection(window.sort, 'asc');
  let query = selectCodes(db, programId);
  if (window.coupon !== undefined) {
    const coupon = await findCoupon(db, programId, window.coupon);
    if (!coupon) return [];
    query = query.where('promotion_codes.coupon_id', '=', coupon.id);
  }
  const rows = await query
    .orderBy('promotion_codes.created_at', direction)
    .orderBy('promotion_codes.id', direction)
    .limit(window.limit + 1)
    .offset(window.offset)
    .execute();
  return presentRows(db, programId, rows);
}

/** The partner a code names, or a 422 on `field`. `null` clears it. */
async function partnerIdOf(
  db: Kysely<Database>,
  programId: string,
  ref: PartnerRef | null | undefined,
  field: string,
): Promise<string | null | undefined> {
  if (ref === undefined || ref === null) return ref;
  const partner = await resolvePartner(db, programId, ref);
  if (!partner) throw validationFailed({ [field]: ['The selected partner is invalid.'] });
  return partner.id;
}

/** Switch-and-value pairs: a value given turns its switch on unless the switch is sent. */
function toggled<T>(status: boolean | undefined, value: T | null | undefined) {
  const on = status ?? (value !== undefined && value !== null);
  return { status: on ? 1 : 0, value: on ? (value ?? null) : null };
}

function checkFields(fields: PromotionCodeFields, prefix: string): void {
  const errors: Record<string, string[]> = {};
  const need = (status: boolean | undefined, value: unknown, name: string, switchName: string) => {
    if (status === true && (value === undefined || value === null)) {
      errors[`${prefix}${name}`] = [
        `The ${name.replaceAll('_', ' ')} field is required when ${switchName.replaceAll('_', ' ')} is true.`,
      ];
    }
  };
  need(
    fields.minimum_order_status,
    fields.minimum_order_value,
    'minimum_order_value',
    'minimum_order_status',
  );
  need(
    fields.expiration_date_status,
    fields.expiration_date_value,
    'expiration_date_value',
    'expiration_date_status',
  );
  need(
    fields.redemption_times_status,
    fields.redemption_times_value,
    'redemption_times_value',
    'redemption_times_status',
  );
  if (Object.keys(errors).length > 0) throw validationFailed(errors);
}

/**
 * Inserts a code for `coupon` inside a change; `prefix` names its fields in errors
 * (`promotion_codes.0.` when created with the coupon). A code taken (in any case) is a 422.
 */
export async function insertPromotionCode(
  change: Change,
  coupon: CouponRow,
  input: Omit<PromotionCodeInput, 'coupon'>,
  prefix = '',
  id: string = newId('pcd', change.now),
): Promise<string> {
  const { trx, programId, now } = change;
  checkFields(input, prefix);
  const code = input.code ?? randomAlphanumeric(8).toUpperCase();
  if (await findPromotionCode(trx, programId, code)) {
    throw validationFailed({ [`${prefix}code`]: ['The code has already been taken.'] });
  }
  const partnerId = await partnerIdOf(trx, programId, input.partner, `${prefix}partner`);
  const minimum = toggled(input.minimum_order_status, input.minimum_order_value);
  const expiration = toggled(input.expiration_date_status, input.expiration_date_value);
  const times = toggled(input.redemption_times_status, input.redemption_times_value);
  await trx
    .insertInto('promotion_codes')
    .values({
      id,
      program_id: programId,
      coupon_id: coupon.id,
      code,
      code_key: code.toLowerCase(),
      partner_id: partnerId ?? null,
      customer_id: null,
      active: input.active === false ? 0 : 1,
      first_time_order: input.first_time_order === true ? 1 : 0,
      minimum_order_status: minimum.status,
      minimum_order_value: minimum.value,
      expiration_date_status: expiration.status,
      expiration_date_value: expiration.value,
      redemption_times_status: times.status,
      redemption_times_value: times.value,
      metadata: JSON.stringify(input.metadata ?? {}),
      created_at: now,
      updated_at: now,
    })
    .execute();
  return code;
}

/** Creates a promotion code for a coupon (named by `coupon_uuid` or `coupon_id`). */
export async function createPromotionCode(
  deps: DomainDeps,
  programId: string,
  input: PromotionCodeInput,
): Promise<PromotionCodeResource> {
  try {
    const code = await commitChange(deps, programId, async (change) => {
      const coupon = await findCoupon(change.trx, programId, input.coupon);
      if (!coupon) {
        const field = input.coupon.uuid_code !== undefined ? 'coupon_uuid' : 'coupon_id';
        throw validationFailed({ [field]: ['The selected coupon is invalid.'] });
      }
      return insertPromotionCode(change, coupon, input);
    });
    return getPromotionCode(deps.store.db, programId, code);
  } catch (error) {
    // Two concurrent creates of one code: the loser hears what a sequential one would.
    if (isUniqueViolation(error)) {
      throw validationFailed({ code: ['The code has already been taken.'] });
    }
    throw error;
  }
}

/** Changes a code's partner, switches and restrictions; the code itself stays. */
export async function updatePromotionCode(
  deps: DomainDeps,
  programId: string,
  code: string,
  update: PromotionCodeFields,
): Promise<PromotionCodeResource> {
  const row = await commitChange(deps, programId, async ({ trx, now }) => {
    const current = await codeAt(trx, programId, code);
    // As on create, a value sent without its switch turns the switch on.
    const merged = {
      minimum_order_status:
        update.minimum_order_status ??
        (update.minimum_order_value != null || current.minimum_order_status === 1),
      minimum_order_value:
        update.minimum_order_value !== undefined
          ? update.minimum_order_value
          : current.minimum_order_value,
      expiration_date_status:
        update.expiration_date_status ??
        (update.expiration_date_value != null || current.expiration_date_status === 1),
      expiration_date_value:
        update.expiration_date_value !== undefined
          ? update.expiration_date_value
          : current.expiration_date_value,
      redemption_times_status:
        update.redemption_times_status ??
        (update.redemption_times_value != null || current.redemption_times_status === 1),
      redemption_times_value:
        update.redemption_times_value !== undefined
          ? update.redemption_times_value
          : current.redemption_times_value,
    };
    checkFields(merged, '');
    const partnerId = await partnerIdOf(trx, programId, update.partner, 'partner');
    const minimum = toggled(merged.minimum_order_status, merged.minimum_order_value);
    const expiration = toggled(merged.expiration_date_status, merged.expiration_date_value);
    const times = toggled(merged.redemption_times_status, merged.redemption_times_value);
    await trx
      .updateTable('promotion_codes')
      .set({
        partner_id: partnerId === undefined ? current.partner_id : partnerId,
        active: update.active === undefined ? current.active : update.active ? 1 : 0,
        first_time_order:
          update.first_time_order === undefined
            ? current.first_time_order
            : update.first_time_order
              ? 1
              : 0,
        minimum_order_status: minimum.status,
        minimum_order_value: minimum.value,
        expiration_date_status: expiration.status,
        expiration_date_value: expiration.value,
        redemption_times_status: times.status,
        redemption_times_value: times.value,
        metadata: JSON.stringify({ ...parseMetadata(current.metadata), ...update.metadata }),
        updated_at: now,
      })
      .where('id', '=', current.id)
      .execute();
    return current;
  });
  return getPromotionCode(deps.store.db, programId, row.code);
}

/** Deletes a promotion code for good; the code is free again. */
export async function deletePromotionCode(
  deps: DomainDeps,
  programId: string,
  code: string,
): Promise<void> {
  await commitChange(deps, programId, async ({ trx }) => {
    const current = await codeAt(trx, programId, code);
    await trx.deleteFrom('promotion_codes').where('id', '=', current.id).execute();
  });
}
