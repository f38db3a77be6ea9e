import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type { Database, TransactionsTable } from '../storage/index.js';
import { formatNullableTimestamp, formatTimestamp } from '../util/time.js';
import type { RewardResource, TransactionResource } from '../webhooks/resource-schemas.js';
import { notFound } from './errors.js';
import { toMajor } from './money.js';
import { resolvePartner } from './partner-lookup.js';
import type { PartnerRef } from './partner-lookup.js';
import type { PageWindow } from './list-query.js';
import { rewardsOfTransactions } from './rewards.js';
import { orderDirection } from './list-query.js';

/**
 * Reading transactions. Keys are **not unique** (Partnero's rule: a second create with a key
 * records a second sale), so a key names a group: `GET /transactions/{key}` shows its newest
 * live (not refunded) transaction, or the newest refunded one when none is live; lists and
 * the `key` filter show every transaction of the key.
 */

/** A transaction row with its customer's key. */
export type TransactionRow = Selectable<TransactionsTable> & { customer_key: string };

/** Filters of {@link listTransactions}: exact matches, all of them applied. */
export interface TransactionFilters {
  readonly key?: string | undefined;
  /** Customer key. */
  readonly customer?: string | undefined;
  /** Customer id (the customer's own list of transactions). */
  readonly customer_id?: string | undefined;
  /** The credited partner, by id, key or email. */
  readonly partner?: PartnerRef | undefined;
}

/** Major units of a nullable minor-unit column. */
function major(minor: number | null, currency: string): number | null {
  return minor === null ? null : toMajor(minor, currency);
}

/** The transaction as the API and its events show it. */
export function presentTransaction(
  row: TransactionRow,
  rewards: readonly RewardResource[],
): TransactionResource {
  return {
    key: row.key,
    action: row.action,
    amount: toMajor(row.amount_minor, row.amount_units),
    amount_units: row.amount_units,
    partner: row.partner_id,
    customer: row.customer_key,
    credit: row.credit === 1,
    is_currency: row.is_currency === 1,
    product_id: row.product_id,
    product_type: row.product_type,
    gross_amount: major(row.gross_amount_minor, row.amount_units),
    discount_amount: major(row.discount_amount_minor, row.amount_units),
    discount_code: row.discount_code,
    rewards: [...rewards],
    created_at: formatTimestamp(row.created_at),
    updated_at: formatTimestamp(row.updated_at),
    deleted_at: formatNullableTimestamp(row.deleted_at),
  };
}

/** Transactions of a program joined with their customer's key. */
export function transactionRows(db: Kysely<Database>, programId: string) {
  return db
    .selectFrom('transactions')
    .innerJoin('customers', 'customers.id', 'transactions.customer_id')
    .selectAll('transactions')
    .select('customers.key as customer_key')
    .where('transactions.program_id', '=', programId);
}

/** The transaction a key names (see the module note), or a 404. */
export async function getRow(
  db: Kysely<Database>,
  programId: string,
  key: string,
): Promise<TransactionRow> {
  const row = await transactionRows(db, programId)
    .where('transactions.key', '=', key)
    // Live ones first, then the newest.
    .orderBy(sql`case when transactions.deleted_at is null then 0 else 1 end`)
    .orderBy('transactions.created_at', 'desc')
    .orderBy('transactions.id', 'desc')
    .executeTakeFirst();
  if (!row) throw notFound('Transaction');
  return row;
}

/** Presents one row with its rewards. */
export async function presentOne(
  db: Kysely<Database>,
  programId: string,
  row: TransactionRow,
): Promise<TransactionResource> {
  const rewards = await rewardsOfTransactions(db, programId, [row.id]);
  return presentTransaction(row, rewards.get(row.id) ?? []);
}

/** The transaction a key names (refunded ones too, with `deleted_at` set), or a 404. */
export async function getTransaction(
  db: Kysely<Database>,
  programId: string,
  key: string,
): Promise<TransactionResource> {
  return presentOne(db, programId, await getRow(db, programId, key));
}

/** A transaction by its internal id (used right after writing it). */
export async function getTransactionById(
  db: Kysely<Database>,
  programId: string,
  id: string,
): Promise<TransactionResource> {
  const row = await transactionRows(db, programId)
    .where('transactions.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Transaction');
  return presentOne(db, programId, row);
}

/**
 * Lists transactions, newest first unless `sort: 'asc'` (`limit + 1` rows). A partner filter
 * naming no partner matches nothing (it is never ignored).
 */
export async function listTransactions(
  db: Kysely<Database>,
  programId: string,
  filters: TransactionFilters,
  page: PageWindow,
): Promise<TransactionResource[]> {
  let query = transactionRows(db, programId);
  if (filters.key !== undefined) query = query.where('transactions.key', '=', filters.key);
  if (filters.customer !== undefined) query = query.where('customers.key', '=', filters.customer);
  if (filters.customer_id !== undefined)
    query = query.where('transactions.customer_id', '=', filters.customer_id);
  if (filters.partner?.id !== undefined) {
    // By id directly: a deleted partner's transactions still name it.
    query = query.where('transactions.partner_id', '=', filters.partner.id);
  } else if (filters.partner !== undefined) {
    const partner = await resolvePartner(db, programId, filters.partner);
    if (!partner) return [];
    query = query.where('transactions.partner_id', '=', partner.id);
  }
  const direction = orderDirection(page.sort, 'desc');
  const rows = await query
    .orderBy('transactions.created_at', direction)
    .orderBy('transactions.id', direction)
    .limit(page.limit + 1)
    .offset(page.offset)
    .execute();
  const rewards = await rewardsOfTransactions(
    db,
    programId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentTransaction(r, rewards.get(r.id) ?? []));
}
