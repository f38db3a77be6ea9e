import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import { idFloor } from '../util/ids.js';

/**
 * Up to `limit` events created before `before` whose deliveries are all final (none pending),
 * oldest first: the retention job's next batch. Event ids are time-ordered, so this is a range
 * scan of the primary key rather than a table scan; `created_at` is checked as well.
 */
export async function expiredEventIds(
  db: Kysely<Database>,
  before: number,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('events')
    .select('id')
    .where('id', '<', idFloor('evt', before))
    .where('created_at', '<', before)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('deliveries')
            .select('deliveries.id')
            .whereRef('deliveries.event_id', '=', 'events.id')
            .where('deliveries.status', '=', 'pending'),
        ),
      ),
    )
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Deletes events (their deliveries must be gone first: see `purgeDeliveriesOfEvents`). */
export async function deleteEvents(db: Kysely<Database>, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.deleteFrom('events').where('id', 'in', ids).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Deletes up to `limit` idempotency keys stored before `before` (they no longer replay), oldest
 * first.
 */
export async function purgeIdempotencyKeys(
  db: Kysely<Database>,
  before: number,
  limit: number,
): Promise<number> {
  // The `limit`-th oldest expired key's time bounds the batch (keys at the same millisecond
  // go together), so the delete is a range on the created_at index, on both engines.
  const edge = await db
    .selectFrom('idempotency_keys')
    .select('created_at')
    .where('created_at', '<', before)
    .orderBy('created_at')
    .offset(limit - 1)
    .limit(1)
    .executeTakeFirst();
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', before)
    .$if(edge !== undefined, (q) => q.where('created_at', '<=', Number(edge?.created_at)))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
