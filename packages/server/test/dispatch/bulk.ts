import type { Insertable, Kysely } from 'kysely';
import type { Database, DeliveriesTable, EventsTable } from '../../src/storage/index.js';
import { newId } from '../../src/util/ids.js';
import { pendingDeliveryRow } from '../../src/deliveries/index.js';
import type { WebhookRow } from '../../src/webhooks/webhook-store.js';

/**
 * Inserts `n` events with one pending delivery each for `webhook`, with multi-row inserts (the
 * outbox's per-event path is too slow to build a big backlog in a test). Same rows as
 * `recordEvent` writes. Returns the event ids.
 */
export async function insertBacklog(
  db: Kysely<Database>,
  webhook: WebhookRow,
  n: number,
): Promise<string[]> {
  const ids: string[] = [];
  const data = { id: 'partner_1', email: 'a@example.com' };
  for (let i = 0; i < n; i += 200) {
    const now = Date.now();
    const events: Insertable<EventsTable>[] = [];
    const deliveries: Insertable<DeliveriesTable>[] = [];
    for (let j = i; j < Math.min(n, i + 200); j++) {
      const eventId = newId('evt', now);
      ids.push(eventId);
      events.push({
        id: eventId,
        program_id: webhook.program_id,
        type: 'partner.created',
        data: JSON.stringify(data),
        source: 'api',
        created_at: now,
      });
      deliveries.push(
        pendingDeliveryRow({
          programId: webhook.program_id,
          eventId,
          eventType: 'partner.created',
          webhook,
          now,
        }),
      );
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('events').values(events).execute();
      await trx.insertInto('deliveries').values(deliveries).execute();
    });
  }
  return ids;
}
