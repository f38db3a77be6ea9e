import type { Kysely } from 'kysely';
import type { CustomersTable, Database } from '../storage/index.js';
import { validationFailed } from './errors.js';
import { programTypeOf } from './program-types.js';

/**
 * Refer-a-friend referrals: a customer created with `referring_customer` was referred by that
 * (live) customer. The referral is stored on the referred customer (`referring_customer_id`,
 * and the referrer's key so the resource shows `referring_customer.key` without a join) and
 * counts in the referrer's referrals.
 */

/** How a request names the referring customer: Partnero's `referring_customer.{key|id}`. */
export interface CustomerRef {
  readonly key?: string | undefined;
  /** A client-given id (stored as the key) or Hookline's `cus_…` id. */
  readonly id?: string | undefined;
}

/** The referral columns of a new customer. */
export type ReferralColumns = Pick<
  CustomersTable,
  'referring_customer_id' | 'referring_customer_key'
>;

const NONE: ReferralColumns = { referring_customer_id: null, referring_customer_key: null };

/**
 * Resolves `referring_customer` for a new customer. Refer-a-friend programs only (an affiliate
 * customer is referred by a partner: a 422 says so); an unknown referrer is a 422, as Partnero
 * refuses an unknown partner. `id` wins over `key`, as Partnero documents.
 */
export async function referralColumns(
  db: Kysely<Database>,
  programId: string,
  ref: CustomerRef | undefined,
): Promise<ReferralColumns> {
  if (ref === undefined) return NONE;
  const type = await programTypeOf(db, programId);
  if (type !== 'refer-a-friend') {
    throw validationFailed({
      referring_customer: [
        `referring_customer applies to refer-a-friend programs; this program is ${type}. Name the referring partner in "partner" instead.`,
      ],
    });
  }
  const given = ref.id ?? ref.key;
  if (given === undefined) {
    throw validationFailed({ referring_customer: ['Give the referring customer key or id.'] });
  }
  const referrer = await findReferrer(db, programId, ref);
  if (!referrer) {
    const field = ref.id !== undefined ? 'id' : 'key';
    throw validationFailed({
      referring_customer: [`No customer with ${field} "${given}" in this program.`],
    });
  }
  return { referring_customer_id: referrer.id, referring_customer_key: referrer.key };
}

/**
 * The live customer a `referring_customer` names. `id` is a client-given id (stored as the
 * key) or Hookline's `cus_…` id; `key` is the customer's key or one of its additional referral
 * links' keys (what Partnero's `partnero_referral` cookie holds).
 */
async function findReferrer(
  db: Kysely<Database>,
  programId: string,
  ref: CustomerRef,
): Promise<{ id: string; key: string } | undefined> {
  const byKey = (key: string) =>
    db
      .selectFrom('customers')
      .select(['id', 'key'])
      .where('program_id', '=', programId)
      .where('key', '=', key)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  if (ref.id !== undefined) {
    return (
      (await byKey(ref.id)) ??
      (await db
        .selectFrom('customers')
        .select(['id', 'key'])
        .where('program_id', '=', programId)
        .where('id', '=', ref.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst())
    );
  }
  if (ref.key === undefined) return undefined;
  const direct = await byKey(ref.key);
  if (direct) return direct;
  return db
    .selectFrom('customer_referral_links')
    .innerJoin('customers', 'customers.id', 'customer_referral_links.customer_id')
    .select(['customers.id', 'customers.key'])
    .where('customer_referral_links.program_id', '=', programId)
    .where('customer_referral_links.key', '=', ref.key)
    .where('customers.deleted_at', 'is', null)
    .executeTakeFirst();
}

/** `referring_customer` as the customer resource shows it. */
export function presentReferringCustomer(row: Partial<ReferralColumns>): { key: string } | null {
  return row.referring_customer_key ? { key: row.referring_customer_key } : null;
}

/** Keeps referrals pointing at a referrer's current key after the referrer's key changed. */
export async function renameReferrer(
  db: Kysely<Database>,
  referrerId: string,
  key: string,
): Promise<void> {
  await db
    .updateTable('customers')
    .set({ referring_customer_key: key })
    .where('referring_customer_id', '=', referrerId)
    .execute();
}

/** Live customers a customer referred, oldest first (`limit + 1` rows, for the paginator). */
export function referredCustomerRows(
  db: Kysely<Database>,
  programId: string,
  referrerId: string,
  page: { limit: number; offset: number },
) {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('program_id', '=', programId)
    .where('referring_customer_id', '=', referrerId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .limit(page.limit + 1)
    .offset(page.offset)
    .execute();
}
