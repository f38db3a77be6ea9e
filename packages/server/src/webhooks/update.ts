import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import { deactivateAndCancel } from './deactivate.js';
import type { CancelPendingDeliveries } from './deactivate.js';
import { inTransaction } from './run-in-transaction.js';
import type { WebhookRow } from './webhook-store.js';

/** A partial update of a webhook; an absent field is kept. The caller validated URL and events. */
export interface WebhookChanges {
  readonly name?: string | undefined;
  readonly url?: string | undefined;
  readonly events?: readonly string[] | undefined;
  readonly isActive?: boolean | undefined;
}

/**
 * Transition `webhook → webhook` (a user's `PUT`): the given fields, in one transaction. Turning
 * it off is {@link deactivateAndCancel} (its pending deliveries are cancelled with
 * "webhook deactivated") inside the same transaction; turning it on is a plain write (a user's
 * re-enable with a failure record reset is `enableWebhook`).
 *
 * @returns the webhook after the change, or `undefined` when it no longer exists
 */
export async function updateWebhook(
  db: Kysely<Database>,
  webhookId: string,
  changes: WebhookChanges,
  now: number,
  cancel: CancelPendingDeliveries,
): Promise<WebhookRow | undefined> {
  return inTransaction(db, async (trx) => {
    await trx
      .updateTable('webhooks')
      .set({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.url !== undefined ? { url: changes.url } : {}),
        ...(changes.events !== undefined
          ? { events: JSON.stringify([...new Set(changes.events)]) }
          : {}),
        ...(changes.isActive === true ? { is_active: 1 } : {}),
        updated_at: now,
      })
      .where('id', '=', webhookId)
      .execute();
    if (changes.isActive === false) {
      await deactivateAndCancel(
        trx,
        webhookId,
        { cancelReason: 'webhook deactivated', cancel },
        now,
      );
    }
    return trx.selectFrom('webhooks').selectAll().where('id', '=', webhookId).executeTakeFirst();
  });
}

/**
 * Transition `webhook → ∅`: its pending deliveries are cancelled ("webhook deleted") and the row
 * removed, in one transaction. The delivery log keeps the webhook's key and URL.
 */
export async function deleteWebhook(
  db: Kysely<Database>,
  webhookId: string,
  now: number,
  cancel: CancelPendingDeliveries,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await cancel(trx, webhookId, 'webhook deleted', now);
    await trx.deleteFrom('webhooks').where('id', '=', webhookId).execute();
  });
}
