import type { TransactionResource } from '../webhooks/resource-schemas.js';
import { commitChange } from './change.js';
import type { DomainDeps } from './change.js';
import { notFound, validationFailed } from './errors.js';
import { UNPAID_STATUSES } from './rewards.js';
import type { RewardStatus } from './rewards.js';
import { getTransactionById, transactionRows } from './transaction-lookup.js';
import { activeRewards } from './transaction-refunds.js';

/**
 * Archiving a transaction (`POST /transactions/{key}/archive`) is Partnero's reversible soft
 * delete: the transaction shows `deleted_at`, and its unpaid rewards are set aside as
 * `cancelled` (with `deleted_at`), remembering their status. `revoke-archive` restores the
 * transaction and those rewards (a reward whose review period ended meanwhile is approved by
 * the next sweep). Both fire `transaction.updated`; the catalog has no archive event.
 *
 * Like a refund, it acts on every transaction recorded with the key (those not refunded or
 * archived, or, to restore, those archived). A transaction with a paid reward cannot be
 * archived (422): money went out, so it is refunded instead, which reverses it.
 */
export async function archiveTransaction(
  deps: DomainDeps,
  programId: string,
  key: string,
  archive: boolean,
): Promise<TransactionResource> {
  return commitChange(deps, programId, async (change) => {
    const { trx, now } = change;
    const rows = await transactionRows(trx, programId)
      .where('transactions.key', '=', key)
      .orderBy('transactions.created_at')
      .orderBy('transactions.id')
      .execute();
    if (rows.length === 0) throw notFound('Transaction');
    const targets = archive
      ? rows.filter((r) => r.deleted_at === null)
      : rows.filter((r) => r.archived_at !== null);
    if (targets.length === 0) {
      throw validationFailed({
        key: [
          archive
            ? `The transaction "${key}" is already archived or refunded.`
            : `The transaction "${key}" is not archived.`,
        ],
      });
    }
    let last: TransactionResource | undefined;
    for (const row of targets) {
      if (archive) {
        const rewards = await activeRewards(trx, row.id);
        if (rewards.some((r) => r.status === 'paid')) {
          throw validationFailed({
            key: [
              `The transaction "${key}" has a paid reward; refund it (DELETE) instead of archiving.`,
            ],
          });
        }
        for (const reward of rewards) {
          if (!UNPAID_STATUSES.includes(reward.status as RewardStatus)) continue;
          await trx
            .updateTable('rewards')
            .set({
              status_before_archive: reward.status,
              status: 'cancelled',
              deleted_at: now,
              updated_at: now,
            })
            .where('id', '=', reward.id)
            .execute();
        }
      } else {
        const setAside = await trx
          .selectFrom('rewards')
          .select(['id', 'status_before_archive'])
          .where('transaction_id', '=', row.id)
          .where('status_before_archive', 'is not', null)
          .execute();
        for (const reward of setAside) {
          await trx
            .updateTable('rewards')
            .set({
              status: reward.status_before_archive ?? 'review_period',
              status_before_archive: null,
              deleted_at: null,
              updated_at: now,
            })
            .where('id', '=', reward.id)
            .execute();
        }
      }
      await trx
        .updateTable('transactions')
        .set(
          archive
            ? { archived_at: now, deleted_at: now, updated_at: now }
            : { archived_at: null, deleted_at: null, updated_at: now },
        )
        .where('id', '=', row.id)
        .execute();
      last = await getTransactionById(trx, programId, row.id);
      await change.emit('transaction.updated', last);
    }
    return last as TransactionResource;
  });
}
