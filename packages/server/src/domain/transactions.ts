import type { Kysely, Selectable } from 'kysely';
import { notFound, validationFailed } from './errors.js';
import type { Database, TransactionsTable } from '../storage/index.js';
import { newId } from '../util/ids.js';
import { formatNullableTimestamp, formatTimestamp } from '../util/time.js';
import type { RewardResource, TransactionResource } from '../webhooks/resource-schemas.js';
import { commitChange } from './change.js';
import type { Change, DomainDeps } from './change.js';
import { findCustomer, findCustomerByEmail, insertCustomer } from './customers.js';
import type { CustomerRow } from './customers.js';
import { commissionMinor, currencyExponent, toMajor, toMinor } from './money.js';
import { findPartner } from './partners.js';
import type { PartnerRef } from './partners.js';
import { commissionRuleFor, loadSettings } from './program-settings.js';
import {
  UNPAID_STATUSES,
  emitRewardsCreated,
  initialRewardState,
  insertReward,
  rewardsOfTransactions,
} from './rewards.js';
import type { RewardStatus } from './rewards.js';
import { isUniqueViolation } from '../storage/index.js';

/**
 * Transactions: sales (or other actions) of referred customers. Creating one yields the
 * commission reward of the customer's referring partner; updating the amount adjusts the
 * unpaid reward; deleting one is a **refund** that reverses the commission. Keys are unique per
 * program (Partnero allows duplicates, but every later call addresses a transaction by key, so
 * a duplicate would be unreachable): a second create with the same key is a 422.
 */

/** A transaction row with its customer's key. */
export type TransactionRow = Selectable<TransactionsTable> & { customer_key: string };

/** How a transaction names its customer, and what to create it with when asked to. */
export interface TransactionCustomer {
  readonly key?: string | undefined;
  readonly email?: string | undefined;
  readonly name?: string | null | undefined;
  readonly surname?: string | null | undefined;
  readonly tags?: readonly string[] | undefined;
  readonly partner?: PartnerRef | undefined;
}

/** Input of {@link createTransaction}. */
export interface TransactionInput {
  readonly key: string;
  /** Major units, as a number or decimal string (`99.99`). */
  readonly amount: number | string;
  /** Currency; default the program's. */
  readonly amount_units?: string | undefined;
  /** Default `sale`. */
  readonly action?: string | undefined;
  readonly product_id?: string | null | undefined;
  readonly product_type?: string | null | undefined;
  readonly customer: TransactionCustomer;
  /** Partnero's legacy top-level referring partner, used with `create_customer`. */
  readonly partner?: PartnerRef | undefined;
  readonly options?: { readonly create_customer?: boolean | undefined } | undefined;
}

/** Input of {@link updateTransaction}: only the given fields change. */
export interface TransactionUpdate {
  readonly amount?: number | string | undefined;
  readonly action?: string | undefined;
  readonly product_id?: string | null | undefined;
  readonly product_type?: string | null | undefined;
}

/** Filters of {@link listTransactions}. */
export interface TransactionFilters {
  readonly key?: string | undefined;
  /** Customer key. */
  readonly customer?: string | undefined;
  /** Partner id. */
  readonly partner?: string | undefined;
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
    rewards: [...rewards],
    created_at: formatTimestamp(row.created_at),
    updated_at: formatTimestamp(row.updated_at),
    deleted_at: formatNullableTimestamp(row.deleted_at),
  };
}

function transactionRows(db: Kysely<Database>, programId: string) {
  return db
    .selectFrom('transactions')
    .innerJoin('customers', 'customers.id', 'transactions.customer_id')
    .selectAll('transactions')
    .select('customers.key as customer_key')
    .where('transactions.program_id', '=', programId);
}

async function getRow(
  db: Kysely<Database>,
  programId: string,
  key: string,
): Promise<TransactionRow> {
  const row = await transactionRows(db, programId)
    .where('transactions.key', '=', key)
    .executeTakeFirst();
  if (!row) throw notFound('Transaction');
  return row;
}

/** A transaction (refunded ones too, with `deleted_at` set) by key, or a 404. */
export async function getTransaction(
  db: Kysely<Database>,
  programId: string,
  key: string,
): Promise<TransactionResource> {
  const row = await getRow(db, programId, key);
  const rewards = await rewardsOfTransactions(db, programId, [row.id]);
  return presentTransaction(row, rewards.get(row.id) ?? []);
}

/** Lists transactions, newest first (`limit + 1` rows, for the paginator). */
export async function listTransactions(
  db: Kysely<Database>,
  programId: string,
  filters: TransactionFilters,
  page: { limit: number; offset: number },
): Promise<TransactionResource[]> {
  let query = transactionRows(db, programId);
  if (filters.key !== undefined) query = query.where('transactions.key', '=', filters.key);
  if (filters.customer !== undefined) query = query.where('customers.key', '=', filters.customer);
  if (filters.partner !== undefined)
    query = query.where('transactions.partner_id', '=', filters.partner);
  const rows = await query
    .orderBy('transactions.created_at', 'desc')
    .orderBy('transactions.id', 'desc')
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

/** Major units → minor units, or a 422 naming the field. */
function amountMinor(field: string, value: number | string, currency: string): number {
  const minor = toMinor(value, currency);
  if (typeof minor === 'number') {
    if (minor < 0)
      throw validationFailed({ [field]: ['The amount must not be negative; refund with DELETE.'] });
    return minor;
  }
  const messages = {
    not_a_number: 'The amount must be a number in major units, such as 99.99.',
    too_precise: `The amount has more decimal places than ${currency} has (${currencyExponent(currency)}).`,
    too_large: 'The amount is too large.',
  };
  throw validationFailed({ [field]: [messages[minor]] });
}

/** Finds (or, with `create_customer`, creates) the customer a new transaction names. */
async function resolveCustomer(change: Change, input: TransactionInput): Promise<CustomerRow> {
  const { trx, programId } = change;
  const ref = input.customer;
  const existing =
    ref.key !== undefined
      ? await findCustomer(trx, programId, ref.key)
      : ref.email !== undefined
        ? await findCustomerByEmail(trx, programId, ref.email)
        : undefined;
  if (existing) return existing;
  const key = ref.key ?? ref.email;
  if (key === undefined) {
    throw validationFailed({
      'customer.key': ['The customer.key or customer.email field is required.'],
    });
  }
  if (input.options?.create_customer !== true) {
    throw validationFailed({
      customer: [
        `No customer with ${ref.key !== undefined ? 'key' : 'email'} "${key}". Create it first, or send options.create_customer: true.`,
      ],
    });
  }
  return insertCustomer(change, {
    key,
    email: ref.email,
    name: ref.name,
    surname: ref.surname,
    tags: ref.tags,
    partner: ref.partner ?? input.partner,
  });
}

/**
 * Records a transaction and fires `transaction.created`, then `reward.created` for the
 * commission of the customer's referring partner (when that partner is `active`; pending,
 * rejected and archived partners earn nothing). With `options.create_customer` a missing
 * customer is created first (`customer.created`). A customer without a (live) partner is a
 * 422, and so is a taken key; either way nothing is written.
 */
export function createTransaction(
  deps: DomainDeps,
  programId: string,
  input: TransactionInput,
): Promise<TransactionResource> {
  return insertTransaction(deps, programId, input, false);
}

/** {@link createTransaction}, which runs once more (`retried`) after a create_customer race. */
async function insertTransaction(
  deps: DomainDeps,
  programId: string,
  input: TransactionInput,
  retried: boolean,
): Promise<TransactionResource> {
  try {
    return await commitChange(deps, programId, async (change) => {
      const { trx, now } = change;
      const taken = await trx
        .selectFrom('transactions')
        .select('id')
        .where('program_id', '=', programId)
        .where('key', '=', input.key)
        .executeTakeFirst();
      if (taken) throw validationFailed({ key: ['The key has already been taken.'] });
      const settings = await loadSettings(trx, programId);
      const currency = input.amount_units ?? settings.default_currency;
      const minor = amountMinor('amount', input.amount, currency);

      const customer = await resolveCustomer(change, input);
      const partner =
        customer.partner_id === null
          ? undefined
          : await findPartner(trx, programId, customer.partner_id);
      if (!partner) {
        throw validationFailed({
          customer: [
            `The customer "${customer.key}" has no referring partner, so the transaction cannot be attributed.`,
          ],
        });
      }

      const id = newId('txn', now);
      const productId = input.product_id ?? null;
      const productType = input.product_type ?? null;
      const action = input.action ?? 'sale';
      await trx
        .insertInto('transactions')
        .values({
          id,
          program_id: programId,
          key: input.key,
          action,
          amount_minor: minor,
          amount_units: currency,
          partner_id: partner.id,
          customer_id: customer.id,
          credit: 0,
          is_currency: 1,
          product_id: productId,
          product_type: productType,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })
        .execute();

      const rewardIds: string[] = [];
      if (partner.status === 'active') {
        rewardIds.push(
          await insertReward(change, {
            transactionId: id,
            partnerId: partner.id,
            customerId: customer.id,
            action,
            amountMinor: commissionMinor(minor, currency, commissionRuleFor(settings, productType)),
            amountUnits: currency,
            productId,
            productType,
            state: initialRewardState(settings, now),
          }),
        );
      }
      const transaction = await getTransaction(trx, programId, input.key);
      await change.emit('transaction.created', transaction);
      await emitRewardsCreated(change, rewardIds);
      return transaction;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      // With create_customer, two concurrent sales of a new customer both try to create it;
      // the loser's transaction rolled back whole, and once more finds the customer existing.
      if (input.options?.create_customer === true && !retried) {
        return insertTransaction(deps, programId, input, true);
      }
      throw validationFailed({ key: ['The key has already been taken.'] });
    }
    throw error;
  }
}

interface RewardSlice {
  id: string;
  status: string;
  amount_minor: number;
  created_at: number;
}

async function activeRewards(trx: Kysely<Database>, transactionId: string): Promise<RewardSlice[]> {
  return trx
    .selectFrom('rewards')
    .select(['id', 'status', 'amount_minor', 'created_at'])
    .where('transaction_id', '=', transactionId)
    .where('status', '!=', 'cancelled')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

function refuseIfRefunded(row: TransactionRow): void {
  if (row.deleted_at !== null) {
    throw validationFailed({ key: [`The transaction "${row.key}" was already refunded.`] });
  }
}

/**
 * Updates amount, action or product and fires `transaction.updated` (when something changed).
 * The commission is recomputed: the difference goes onto the newest unpaid reward, or, when
 * every reward is already paid, into a new adjustment reward (`reward.created`). A transaction
 * that earned no reward (partner not active then) earns none on update either.
 */
export async function updateTransaction(
  deps: DomainDeps,
  programId: string,
  key: string,
  update: TransactionUpdate,
): Promise<TransactionResource> {
  return commitChange(deps, programId, async (change) => {
    const { trx, now } = change;
    const row = await getRow(trx, programId, key);
    refuseIfRefunded(row);
    const next = {
      amount_minor:
        update.amount !== undefined
          ? amountMinor('amount', update.amount, row.amount_units)
          : row.amount_minor,
      action: update.action ?? row.action,
      product_id: update.product_id !== undefined ? update.product_id : row.product_id,
      product_type: update.product_type !== undefined ? update.product_type : row.product_type,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== row[k]);
    if (!changed) return getTransaction(trx, programId, key);

    await trx
      .updateTable('transactions')
      .set({ ...next, updated_at: now })
      .where('id', '=', row.id)
      .execute();

    const settings = await loadSettings(trx, programId);
    const rewards = await activeRewards(trx, row.id);
    const newRewardIds: string[] = [];
    if (rewards.length > 0 && row.partner_id !== null) {
      const target = commissionMinor(
        next.amount_minor,
        row.amount_units,
        commissionRuleFor(settings, next.product_type),
      );
      const delta = target - rewards.reduce((sum, r) => sum + r.amount_minor, 0);
      const unpaid = rewards.filter((r) => UNPAID_STATUSES.includes(r.status as RewardStatus));
      for (const reward of unpaid) {
        await trx
          .updateTable('rewards')
          .set({ product_id: next.product_id, product_type: next.product_type, updated_at: now })
          .where('id', '=', reward.id)
          .execute();
      }
      const newest = unpaid.at(-1);
      if (delta !== 0 && newest) {
        await trx
          .updateTable('rewards')
          .set({ amount_minor: newest.amount_minor + delta, updated_at: now })
          .where('id', '=', newest.id)
          .execute();
      } else if (delta !== 0) {
        newRewardIds.push(
          await insertReward(change, {
            transactionId: row.id,
            partnerId: row.partner_id,
            customerId: row.customer_id,
            action: 'adjustment',
            amountMinor: delta,
            amountUnits: row.amount_units,
            productId: next.product_id,
            productType: next.product_type,
            // An increase waits out the review period like any commission; a decrease is a
            // clawback and needs no review.
            state:
              delta > 0
                ? initialRewardState(settings, now)
                : initialRewardState({ review_period_days: 0 }, now),
          }),
        );
      }
    }
    const transaction = await getTransaction(trx, programId, key);
    await change.emit('transaction.updated', transaction);
    await emitRewardsCreated(change, newRewardIds);
    return transaction;
  });
}

/**
 * Refunds a transaction (`DELETE`): unpaid rewards are cancelled, paid ones are reversed by a
 * negative adjustment reward (action `refund`, approved at once, `reward.created`), and
 * `transaction.deleted` fires with the final state. Refunding twice is a 422.
 */
export async function refundTransaction(
  deps: DomainDeps,
  programId: string,
  key: string,
): Promise<TransactionResource> {
  return commitChange(deps, programId, async (change) => {
    const { trx, now } = change;
    const row = await getRow(trx, programId, key);
    refuseIfRefunded(row);
    const rewards = await activeRewards(trx, row.id);
    const unpaid = rewards.filter((r) => UNPAID_STATUSES.includes(r.status as RewardStatus));
    if (unpaid.length > 0) {
      await trx
        .updateTable('rewards')
        .set({ status: 'cancelled', review_ends_at: null, deleted_at: now, updated_at: now })
        .where(
          'id',
          'in',
          unpaid.map((r) => r.id),
        )
        .execute();
    }
    const paid = rewards
      .filter((r) => r.status === 'paid')
      .reduce((sum, r) => sum + r.amount_minor, 0);
    const newRewardIds: string[] = [];
    if (paid !== 0 && row.partner_id !== null) {
      newRewardIds.push(
        await insertReward(change, {
          transactionId: row.id,
          partnerId: row.partner_id,
          customerId: row.customer_id,
          action: 'refund',
          amountMinor: -paid,
          amountUnits: row.amount_units,
          productId: row.product_id,
          productType: row.product_type,
          state: initialRewardState({ review_period_days: 0 }, now),
        }),
      );
    }
    await trx
      .updateTable('transactions')
      .set({ deleted_at: now, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    const transaction = await getTransaction(trx, programId, key);
    await change.emit('transaction.deleted', transaction);
    await emitRewardsCreated(change, newRewardIds);
    return transaction;
  });
}
