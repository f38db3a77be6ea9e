import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';

/**
 * Transition `final → gone`: deletes the attempts and deliveries of the given events, for the
 * retention job. Only final deliveries go (succeeded, failed, cancelled, or a finished test
 * send); a pending one is never deleted, and its event is kept by the caller.
 *
 * @returns how many deliveries and attempts were deleted
 */
export async function purgeDeliveriesOfEvents(
  db: Kysely<Database>,
  eventIds: readonly string[],
): Promise<{ deliveries: number; attempts: number }> {
  if (eventIds.length === 0) return { deliveries: 0, attempts: 0 };
  const finalOfEvents = db
    .selectFrom('deliveries')
    .select('id')
    .where('event_id', 'in', eventIds)
    .where('status', '!=', 'pending');
  const attempts = await db
    .deleteFrom('attempts')
    .where('delivery_id', 'in', finalOfEvents)
    .executeTakeFirst();
  const deliveries = await db
    .deleteFrom('deliveries')
    .where('event_id', 'in', eventIds)
    .where('status', '!=', 'pending')
    .executeTakeFirst();
  return {
    deliveries: Number(deliveries.numDeletedRows),
    attempts: Number(attempts.numDeletedRows),
  };
}
