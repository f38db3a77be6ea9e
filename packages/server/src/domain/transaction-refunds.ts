import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import type { TransactionResource } from '../webhooks/resource-schemas.js';
import { commitChange } from './change.js';
import type { Change, DomainDeps } from './change.js';
import { notFound, validationFailed } from './errors.js';
import { getTransactionById, transactionRows } from './transaction-lookup.js';
import type { TransactionRow } from './transaction-lookup.js';
import {
  UNPAID_STATUSES,
  emitRewardsCreated,
  initialRewardState,
  insertReward,
} from './rewards.js';
import type { RewardStatus } from './rewards.js';

/**
 * Refunds (`DELETE /transactions/{key}`): unpaid rewards are cancelled, paid ones are reversed
 * by a negative adjustment reward (action `refund`, approved at once, `reward.created`), and
 * `transaction.deleted` fires with the final state.
 *
 * Keys are not unique, and a key is the order or invoice it was recorded for: a refund of the
 * key refunds **every** live transaction recorded with it (a sale recorded twice by mistake is
 * refunded whole, both commissions reversed). Refunding a key whose transactions are all
 * refunded already is a 422.
 */

/** A reward's fields that a refund or an amount change needs. */
export interface RewardSlice {
  id: string;
  status: string;
  amount_minor: number;
  created_at: number;
}

/** The rewards of a transaction that still count (not cancelled), oldest first. */
export async function activeRewards(
  trx: Kysely<Database>,
  transactionId: string,
): Promise<RewardSlice[]> {
  return trx
    .selectFrom('rewards')
    .select(['id', 'status', 'amount_minor', 'created_at'])
    .where('transaction_id', '=', transactionId)
    .where('status', '!=', 'cancelled')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A 422 for a change to a refunded (or archived) transaction. */
export function refuseIfRefunded(row: TransactionRow): void {
  if (row.archived_at !== null) {
    throw validationFailed({
      key: [`The transaction "${row.key}" is archived; restore it (revoke-archive) first.`],
    });
  }
  if (row.deleted_at !== null) {
    throw validationFailed({ key: [`The transaction "${row.key}" was already refunded.`] });
  }
}

/** Refunds one transaction inside a change; returns the ids of new adjustment rewards. */
async function refundOne(change: Change, row: TransactionRow): Promise<string[]> {
  const { trx, now } = change;
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
  return newRewardIds;
}

/**
 * Refunds every live transaction with this key (see the module note) and returns the last
 * one refunded. A 404 when the key names no transaction, a 422 when all are refunded already.
 */
export async function refundTransaction(
  deps: DomainDeps,
  programId: string,
  key: string,
): Promise<TransactionResource> {
  return commitChange(deps, programId, async (change) => {
    const { trx } = change;
    const rows = await transactionRows(trx, programId)
      .where('transactions.key', '=', key)
      .orderBy('transactions.created_at')
      .orderBy('transactions.id')
      .execute();
    const live = rows.filter((r) => r.deleted_at === null);
    const last = rows.at(-1);
    if (!last) throw notFound('Transaction');
    if (live.length === 0) refuseIfRefunded(last);
    let transaction: TransactionResource | undefined;
    for (const row of live) {
      const newRewardIds = await refundOne(change, row);
      transaction = await getTransactionById(trx, programId, row.id);
      await change.emit('transaction.deleted', transaction);
      await emitRewardsCreated(change, newRewardIds);
    }
    return transaction as TransactionResource;
  });
}
