import type { Kysely } from 'kysely';
import { STILL_PENDING } from './still-pending.js';
import type { Database } from '../storage/index.js';

/** The columns of a cancelled delivery: final, no attempt due, the reason in the log. */
function cancelledColumns(reason: string, now: number) {
  return {
    status: 'cancelled',
    cancel_reason: reason,
    next_attempt_at: null,
    completed_at: now,
    updated_at: now,
  };
}

/**
 * Transition `pending → cancelled` for every pending delivery of a webhook (deactivated,
 * deleted, a listener stopped): no further attempts, and the log says why. An attempt in
 * flight finishes and is logged, but its result cannot resurrect the delivery (the result
 * write only applies to pending rows).
 *
 * @returns how many deliveries were cancelled
 */
export async function cancelForWebhook(
  db: Kysely<Database>,
  webhookId: string,
  reason: string,
  now: number,
): Promise<number> {
  const result = await db
    .updateTable('deliveries')
    .set(cancelledColumns(reason, now))
    .where('webhook_id', '=', webhookId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Transition `pending → cancelled` for the given deliveries (the claim found their webhook gone). */
export async function cancelByIds(
  db: Kysely<Database>,
  ids: readonly string[],
  reason: string,
  now: number,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('deliveries')
    .set(cancelledColumns(reason, now))
    .where('id', 'in', ids)
    .where(STILL_PENDING)
    .execute();
}
