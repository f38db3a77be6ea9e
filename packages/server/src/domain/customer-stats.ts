import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import type { BalanceAmount } from '../webhooks/resource-schemas.js';
import { balanceOf } from './customer-balance.js';
import { getCustomer } from './customers.js';
import { toMajor } from './money.js';
import { requireProgramType } from './program-types.js';

/**
 * A refer-a-friend customer's statistics (`GET /v1/customers/{id}/stats`, the PHP SDK's
 * `referrals()->stats()`). Partnero documents the endpoint but not its answer, so these are
 * the figures its dashboard shows for a referring customer, each computed from the program's
 * rows when asked: nothing is cached, so they never drift from the resources.
 */

/** An amount per unit (currency, or e.g. points). */
export interface UnitAmount {
  amount: number;
  amount_units: string;
}

/** The answer of `GET /v1/customers/{id}/stats`. */
export interface CustomerStats {
  /** The customer's key (its identifier). */
  customer: string;
  /** Live customers this customer referred. */
  referrals_count: number;
  /** Of those, how many made at least one purchase that is not refunded or archived. */
  paying_referrals_count: number;
  /** The referred customers' purchases (not refunded or archived): count and sum per currency. */
  referral_purchases: { count: number; amounts: UnitAmount[] };
  /** The customer's own purchases (not refunded or archived). */
  purchases: { count: number; amounts: UnitAmount[] };
  /** Balance entries: credits given through the API and rewards for referrals. */
  credits: { count: number; amounts: BalanceAmount[] };
  rewards: { count: number; amounts: BalanceAmount[] };
  /** The sum of every entry, per unit (as `GET /customers/{id}/balance`). */
  balance: BalanceAmount[];
  /** Invitations recorded by `POST /customers:invite` naming this customer. */
  invitations_count: number;
  /** The main link (the key) plus additional links. */
  referral_links_count: number;
}

async function purchasesOf(
  db: Kysely<Database>,
  programId: string,
  customerIds: readonly string[],
): Promise<{ count: number; amounts: UnitAmount[]; buyers: number }> {
  if (customerIds.length === 0) return { count: 0, amounts: [], buyers: 0 };
  const live = db
    .selectFrom('transactions')
    .where('program_id', '=', programId)
    .where('customer_id', 'in', customerIds)
    .where('deleted_at', 'is', null);
  const sums = await live
    .select([
      'amount_units',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('amount_minor').as('total'),
    ])
    .groupBy('amount_units')
    .orderBy('amount_units')
    .execute();
  const buyers = await live
    .select((eb) => eb.fn.count<number>('customer_id').distinct().as('n'))
    .executeTakeFirstOrThrow();
  return {
    count: sums.reduce((n, r) => n + Number(r.n), 0),
    amounts: sums.map((r) => ({
      amount: toMajor(Number(r.total), r.amount_units),
      amount_units: r.amount_units,
    })),
    buyers: Number(buyers.n),
  };
}

async function entriesOf(
  db: Kysely<Database>,
  customerId: string,
  type: 'credit' | 'reward',
): Promise<{ count: number; amounts: BalanceAmount[] }> {
  const rows = await db
    .selectFrom('customer_balance_entries')
    .select([
      'amount_units',
      'is_currency',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('amount_minor').as('total'),
    ])
    .where('customer_id', '=', customerId)
    .where('type', '=', type)
    .groupBy(['amount_units', 'is_currency'])
    .orderBy((eb) => eb.fn.min('id'))
    .execute();
  return {
    count: rows.reduce((n, r) => n + Number(r.n), 0),
    amounts: rows.map((r) => ({
      amount: toMajor(Number(r.total), r.amount_units),
      amount_units: r.amount_units,
      is_currency: r.is_currency === 1,
    })),
  };
}

/** The statistics of the live customer named by key, id or email (404 otherwise). */
export async function customerStats(
  db: Kysely<Database>,
  programId: string,
  keyIdOrEmail: string,
): Promise<CustomerStats> {
  await requireProgramType(db, programId, ['refer-a-friend'], 'Customer statistics');
  const customer = await getCustomer(db, programId, keyIdOrEmail);
  const referred = await db
    .selectFrom('customers')
    .select('id')
    .where('program_id', '=', programId)
    .where('referring_customer_id', '=', customer.id)
    .where('deleted_at', 'is', null)
    .execute();
  const referredIds = referred.map((r) => r.id);
  const fromReferrals = await purchasesOf(db, programId, referredIds);
  const own = await purchasesOf(db, programId, [customer.id]);
  const invitations = await db
    .selectFrom('customer_invitations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('program_id', '=', programId)
    .where('customer_id', '=', customer.id)
    .executeTakeFirstOrThrow();
  const links = await db
    .selectFrom('customer_referral_links')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('program_id', '=', programId)
    .where('customer_id', '=', customer.id)
    .executeTakeFirstOrThrow();
  return {
    customer: customer.key,
    referrals_count: referredIds.length,
    paying_referrals_count: fromReferrals.buyers,
    referral_purchases: { count: fromReferrals.count, amounts: fromReferrals.amounts },
    purchases: { count: own.count, amounts: own.amounts },
    credits: await entriesOf(db, customer.id, 'credit'),
    rewards: await entriesOf(db, customer.id, 'reward'),
    balance: await balanceOf(db, customer.id),
    invitations_count: Number(invitations.n),
    referral_links_count: 1 + Number(links.n),
  };
}
