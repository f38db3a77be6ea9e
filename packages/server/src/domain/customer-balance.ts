import type { Kysely, Selectable } from 'kysely';
import type { CustomerBalanceEntriesTable, Database } from '../storage/index.js';
import { newId } from '../util/ids.js';
import { formatTimestamp } from '../util/time.js';
import type { BalanceAmount, CustomerCreditResource } from '../webhooks/resource-schemas.js';
import { currencyCode, positiveAmountMinor } from './amount-input.js';
import { commitChange } from './change.js';
import type { Change, DomainDeps } from './change.js';
import { getCustomer } from './customers.js';
import type { CustomerRow } from './customers.js';
import { validationFailed } from './errors.js';
import { toMajor } from './money.js';
import { loadSettings } from './program-settings.js';
import { requireProgramType } from './program-types.js';

/**
 * Refer-a-friend balances: what a customer has earned, as entries. A `credit` is added through
 * the API (Partnero's `POST /customers/{id}/balance/credit`, `customer.credited`); a `reward`
 * is earned for a referral (`customer.rewarded`), for one of the customer's referred
 * customers. The balance is the sum of the entries per unit (currency, or e.g. points).
 */

/** A balance entry row. */
export type BalanceEntryRow = Selectable<CustomerBalanceEntriesTable>;

/** Input of {@link creditCustomer} and {@link rewardCustomer}. */
export interface BalanceEntryInput {
  readonly amount: number | string;
  /** Currency (default the program's), or any unit when `is_currency` is false (default `points`). */
  readonly amount_units?: string | undefined;
  /** Default true. */
  readonly is_currency?: boolean | undefined;
  readonly note?: string | null | undefined;
}

/** Input of {@link rewardCustomer}: optionally, the referred customer the reward is for. */
export interface CustomerRewardInput extends BalanceEntryInput {
  /** Key of a customer this customer referred. */
  readonly referred_customer?: string | undefined;
}

/** The balance of a customer: one amount per unit, in first-use order. */
export async function balanceOf(
  db: Kysely<Database>,
  customerId: string,
): Promise<BalanceAmount[]> {
  const rows = await db
    .selectFrom('customer_balance_entries')
    .select(['amount_units', 'is_currency', (eb) => eb.fn.sum<number>('amount_minor').as('total')])
    .where('customer_id', '=', customerId)
    .groupBy(['amount_units', 'is_currency'])
    .orderBy((eb) => eb.fn.min('id'))
    .execute();
  return rows.map((r) => ({
    amount: toMajor(Number(r.total), r.amount_units),
    amount_units: r.amount_units,
    is_currency: r.is_currency === 1,
  }));
}

async function presentEntry(
  db: Kysely<Database>,
  row: BalanceEntryRow,
  customerKey: string,
): Promise<CustomerCreditResource> {
  let referred: string | null = null;
  if (row.referred_customer_id !== null) {
    const found = await db
      .selectFrom('customers')
      .select('key')
      .where('id', '=', row.referred_customer_id)
      .executeTakeFirst();
    referred = found?.key ?? null;
  }
  return {
    id: row.id,
    customer: customerKey,
    type: row.type as CustomerCreditResource['type'],
    amount: toMajor(Number(row.amount_minor), row.amount_units),
    amount_units: row.amount_units,
    is_currency: row.is_currency === 1,
    note: row.note,
    referred_customer: referred,
    balance: await balanceOf(db, row.customer_id),
    created_at: formatTimestamp(row.created_at),
  };
}

/** A customer's entries, newest first (`limit + 1` rows). */
export async function listBalanceEntries(
  db: Kysely<Database>,
  programId: string,
  customerKey: string,
  page: { limit: number; offset: number },
): Promise<CustomerCreditResource[]> {
  const customer = await getCustomer(db, programId, customerKey);
  const rows = await db
    .selectFrom('customer_balance_entries')
    .selectAll()
    .where('customer_id', '=', customer.id)
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .offset(page.offset)
    .execute();
  return Promise.all(rows.map((r) => presentEntry(db, r, customer.key)));
}

/** A customer's balance, as `GET /customers/{key}/balance` shows it. */
export async function customerBalance(
  db: Kysely<Database>,
  programId: string,
  customerKey: string,
): Promise<{ customer: string; balance: BalanceAmount[] }> {
  const customer = await getCustomer(db, programId, customerKey);
  return { customer: customer.key, balance: await balanceOf(db, customer.id) };
}

function unitsOf(
  input: BalanceEntryInput,
  programCurrency: string,
): { units: string; isCurrency: boolean } {
  const isCurrency = input.is_currency ?? true;
  if (!isCurrency) return { units: (input.amount_units ?? 'points').trim(), isCurrency };
  const units = currencyCode(input.amount_units ?? programCurrency);
  if (!/^[A-Z]{3}$/.test(units)) {
    throw validationFailed({
      amount_units: [
        'The amount units must be a 3-letter currency code, or send is_currency: false.',
      ],
    });
  }
  return { units, isCurrency };
}

async function addEntry(
  change: Change,
  customer: CustomerRow,
  type: 'credit' | 'reward',
  input: BalanceEntryInput,
  referredCustomerId: string | null,
): Promise<CustomerCreditResource> {
  const { trx, programId, now } = change;
  const settings = await loadSettings(trx, programId);
  const { units, isCurrency } = unitsOf(input, settings.default_currency);
  const row: BalanceEntryRow = {
    id: newId('cbe', now),
    program_id: programId,
    customer_id: customer.id,
    type,
    amount_minor: positiveAmountMinor('amount', input.amount, isCurrency ? units : 'POINTS'),
    amount_units: units,
    is_currency: isCurrency ? 1 : 0,
    note: input.note ?? null,
    referred_customer_id: referredCustomerId,
    created_at: now,
  };
  await trx.insertInto('customer_balance_entries').values(row).execute();
  const entry = await presentEntry(trx, row, customer.key);
  await change.emit(type === 'credit' ? 'customer.credited' : 'customer.rewarded', entry);
  return entry;
}

/** Adds a credit to a refer-a-friend customer's balance; fires `customer.credited`. */
export function creditCustomer(
  deps: DomainDeps,
  programId: string,
  customerKey: string,
  input: BalanceEntryInput,
): Promise<CustomerCreditResource> {
  return commitChange(deps, programId, async (change) => {
    await requireProgramType(change.trx, programId, ['refer-a-friend'], 'Customer balances');
    const customer = await getCustomer(change.trx, programId, customerKey);
    return addEntry(change, customer, 'credit', input, null);
  });
}

/**
 * Rewards a refer-a-friend customer for a referral; fires `customer.rewarded`. With
 * `referred_customer`, that customer must be one this customer referred.
 */
export function rewardCustomer(
  deps: DomainDeps,
  programId: string,
  customerKey: string,
  input: CustomerRewardInput,
): Promise<CustomerCreditResource> {
  return commitChange(deps, programId, async (change) => {
    const { trx } = change;
    await requireProgramType(trx, programId, ['refer-a-friend'], 'Customer rewards');
    const customer = await getCustomer(trx, programId, customerKey);
    let referredId: string | null = null;
    if (input.referred_customer !== undefined) {
      const referred = await getCustomer(trx, programId, input.referred_customer);
      if (referred.referring_customer_id !== customer.id) {
        throw validationFailed({
          referred_customer: [
            `The customer "${referred.key}" was not referred by "${customer.key}".`,
          ],
        });
      }
      referredId = referred.id;
    }
    return addEntry(change, customer, 'reward', input, referredId);
  });
}
