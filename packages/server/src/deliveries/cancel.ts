import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { LANES } from './lanes.js';
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
  let cancelled = 0;
  for (const lane of LANES) {
    for (;;) {
      // The pending rows of the webhook, through the partial index (literal status and lane).
      const ids = (
        await db
          .selectFrom('deliveries')
          .select('id')
          .where(
            sql<boolean>`status = 'pending' and lane = ${sql.lit(lane)} and webhook_id = ${webhookId}`,
          )
          .limit(CANCEL_CHUNK)
          .execute()
      ).map((r) => r.id);
      if (ids.length === 0) break;
      const result = await db
        .updateTable('deliveries')
        .set(cancelledColumns(reason, now))
        .where('id', 'in', ids)
        .where(STILL_PENDING)
        .executeTakeFirst();
      cancelled += Number(result.numUpdatedRows);
      // A short chunk was the last, whatever the update changed: on PostgreSQL a worker may
      // finish one of these deliveries meanwhile, and it is then no longer cancelled, so the
      // count of changed rows says nothing about what is left.
      if (ids.length < CANCEL_CHUNK) break;
    }
  }
  return cancelled;
}

/**
 * Most deliveries one statement of {@link cancelForWebhook} cancels. It runs inside the
 * caller's transaction, where SQLite keeps a statement journal of every page the statement
 * changes, in memory (storage/database.ts, `temp_store`): in one statement, a webhook with
 * 100,000 pending deliveries raised the process's peak RSS by 50 MB; in chunks of this size a
 * journal stays under a megabyte, whatever the backlog.
 */
export const CANCEL_CHUNK = 1_000;

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
